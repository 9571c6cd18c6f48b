// Builds the front end into wwwroot/assets from the npm packages (nothing third-party is committed).
import { compile } from 'sass'
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(fileURLToPath(import.meta.url))
const out = join(root, 'wwwroot', 'assets')
mkdirSync(join(out, 'js'), { recursive: true })

const css = compile(join(root, 'Styles', 'application.scss'), {
  loadPaths: [root, join(root, 'node_modules')],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import'],
  // Warnings raised inside the npm packages are theirs to fix; ours still print.
  logger: {
    warn (message, options) {
      const origin = options.span?.url?.pathname ?? options.stack?.split('\n')[0] ?? ''
      if (!origin.includes('node_modules/')) console.warn(message)
    }
  }
})
if (css.css.includes('GDS Transport')) {
  throw new Error('The GDS Transport font is for service.gov.uk only and must not be in the stylesheet')
}
writeFileSync(join(out, 'application.css'), css.css)

cpSync(join(root, 'node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js'), join(out, 'js/govuk-frontend.min.js'))
cpSync(join(root, 'node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js'), join(out, 'js/moj-frontend.min.js'))
cpSync(join(root, 'node_modules/@ministryofjustice/frontend/moj/assets/images'), join(out, 'images'), {
  recursive: true,
  // The crown belongs to service.gov.uk services only.
  filter: (source) => !source.includes('crown')
})
console.log('front end built into wwwroot/assets')
