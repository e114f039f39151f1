// The practice form's inputs that take a practice's address (translation, adapted from):
// as the editor types words, suggest matching published practices from the read-only API,
// in a <datalist> whose options are the practices' addresses. Progressive enhancement only:
// without it the editor pastes an address, and the form checks whatever is typed.
const API = "/api/v1/practices/";
const WAIT_MS = 250; // after the last key, so a word typed is one request, not one a letter
const SHORTEST = 3;

function looksLikeAddress(text) {
  return text.includes("/") || text.includes(":");
}

function suggest(input) {
  const list = document.createElement("datalist");
  list.id = `${input.id}_suggestions`;
  input.after(list);
  input.setAttribute("list", list.id);
  let timer = null;
  let pending = null;

  async function fetchSuggestions(words) {
    const params = new URLSearchParams({ q: words, limit: "8" });
    // A translation is in the other language than the one chosen in the form.
    const language = input.form && input.form.elements.language;
    if (input.dataset.practiceSuggest === "translation" && language && language.value) {
      params.set("language", language.value === "en" ? "fr" : "en");
    }
    if (pending) pending.abort();
    pending = new AbortController();
    try {
      const response = await fetch(`${API}?${params}`, {
        headers: { Accept: "application/json" },
        signal: pending.signal,
      });
      if (!response.ok) return; // a rate limit or a bad search: no suggestions this time
      const page = await response.json();
      list.replaceChildren(
        ...page.results.map((practice) => {
          const option = document.createElement("option");
          option.value = practice.url;
          option.label = `${practice.city.name}: ${practice.title}`;
          return option;
        }),
      );
    } catch (error) {
      if (error.name !== "AbortError") list.replaceChildren();
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const words = input.value.trim();
    if (words.length < SHORTEST || looksLikeAddress(words)) return;
    timer = setTimeout(() => fetchSuggestions(words), WAIT_MS);
  });
}

document.querySelectorAll("input[data-practice-suggest]").forEach(suggest);
