/* Print buttons of Passerelle's pages (`data-action="print"`): pages have no inline scripts. */
'use strict';
for (const button of document.querySelectorAll('[data-action="print"]')) {
  button.addEventListener('click', () => window.print());
}
