// The API's documentation page (templates/ninja/swagger.html): Swagger UI, from django-ninja's
// static files, drawn from the OpenAPI description the page names in data-openapi-url. A file
// of ours rather than an inline script, which the Content-Security-Policy would refuse.
const root = document.getElementById("swagger-ui");
SwaggerUIBundle({
  url: root.dataset.openapiUrl,
  dom_id: "#swagger-ui",
  deepLinking: true,
  layout: "BaseLayout",
  presets: [SwaggerUIBundle.presets.apis],
});
