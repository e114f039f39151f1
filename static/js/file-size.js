// Progressive enhancement of the files form: a file larger than the portal accepts is refused
// in the browser, before minutes of uploading, with the message the input carries. The server
// refuses it anyway; without this script the form works as before.
"use strict";

for (const input of document.querySelectorAll("input[type=file][data-max-bytes]")) {
  const check = () => {
    const max = Number(input.dataset.maxBytes);
    const tooLarge = Array.from(input.files).some((file) => file.size > max);
    input.setCustomValidity(tooLarge ? input.dataset.tooLarge : "");
    return !tooLarge;
  };
  input.addEventListener("change", () => check() || input.reportValidity());
  // The form has novalidate (the server's messages are the accessible ones), so the submit
  // is stopped here.
  input.form.addEventListener("submit", (event) => {
    if (!check()) {
      event.preventDefault();
      input.reportValidity();
    }
  });
}
