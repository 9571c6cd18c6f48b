import { initAll as initGovuk } from '/assets/js/govuk-frontend.min.js'
import { initAll as initMoj } from '/assets/js/moj-frontend.min.js'

initGovuk()
initMoj()
