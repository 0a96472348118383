// The assignment form (teach/assign.html): the activity list shows only the chosen module's
// labs, quizzes and projects. Without JavaScript the whole grouped list stays usable and the
// server checks that the activity belongs to the module.
(function () {
  "use strict";
  const moduleSelect = document.getElementById("module");
  const activitySelect = document.getElementById("activity");
  if (!moduleSelect || !activitySelect) return;

  function sync() {
    for (const option of activitySelect.options) {
      if (!option.dataset.module) continue; // "the whole module"
      const other = option.dataset.module !== moduleSelect.value;
      option.hidden = other;
      option.disabled = other;
    }
    for (const group of activitySelect.querySelectorAll("optgroup")) {
      group.hidden = !Array.from(group.children).some((option) => !option.hidden);
    }
    const chosen = activitySelect.selectedOptions[0];
    if (chosen && chosen.disabled) activitySelect.value = "";
  }

  moduleSelect.addEventListener("change", sync);
  sync();
})();
