// The aid project form: picking a programme fills an empty donor with the
// programme's donor at once, as saving would (aid.models.project_donor keeps
// that rule; this only shows it early). A donor the editor chose is never
// replaced; one filled here follows the programme while it is left as it was.
// Bound from a file, no inline script (CSP). Both fields are the admin's
// autocompletes (select2), which announce a choice with a jQuery "change".
"use strict";
{
  const $ = django.jQuery;

  async function donorOf(url, programmeId) {
    const address = `${url}?${new URLSearchParams({ programme: programmeId })}`;
    const response = await fetch(address, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    return response.ok ? response.json() : null;
  }

  async function fillDonor(programme) {
    const donor = programme.form?.elements.donor;
    if (!donor || !programme.value) return;
    const filled = donor.dataset.filledFromProgramme;
    if (donor.value && donor.value !== filled) return; // the editor's own choice
    const found = await donorOf(programme.dataset.donorUrl, programme.value);
    if (!found || (donor.value && donor.value !== filled)) return;
    let option = [...donor.options].find((item) => item.value === found.id);
    if (!option) {
      option = new Option(found.text, found.id);
      donor.append(option);
    }
    option.selected = true;
    donor.dataset.filledFromProgramme = found.id;
    $(donor).trigger("change");
  }

  $(document).on("change", "select[data-donor-url]", (event) => {
    fillDonor(event.target);
  });
}
