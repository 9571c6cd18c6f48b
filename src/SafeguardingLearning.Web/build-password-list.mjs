// Writes the list of common and breached passwords that sign-up and password changes refuse
// (OWASP ASVS 2.1.7), from the zxcvbn-ts dictionary on npm (about 49,000 passwords from breach corpora).
import { dictionary } from '@zxcvbn-ts/language-common'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

const out = process.argv[2]
const passwords = dictionary['passwords-common']
if (!out || !Array.isArray(passwords) || passwords.length < 10000) {
  throw new Error('usage: node build-password-list.mjs OUTPUT (and the dictionary must be installed)')
}
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, passwords.join('\n') + '\n')
console.log(`${passwords.length} common passwords written to ${out}`)
