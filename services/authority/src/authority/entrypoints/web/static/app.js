// Progressive enhancement only: every form works without this script.
// Shows the new scope and frequency fields of a follow-up outcome only when "adjust" is chosen.
document.documentElement.classList.add("js");
document.querySelectorAll("form").forEach((form) => {
  const fields = form.querySelector(".adjust-fields");
  if (!fields) return;
  const sync = () => {
    const chosen = form.querySelector("input[name=outcome]:checked");
    fields.hidden = !chosen || chosen.value !== "adjust";
    fields.querySelectorAll("input, select").forEach((el) => { el.disabled = fields.hidden; });
  };
  form.addEventListener("change", sync);
  sync();
});
// A refused form: the first field in error gets the focus (its message is next to it).
const invalid = document.querySelector("[aria-invalid=true]");
if (invalid) invalid.focus();
