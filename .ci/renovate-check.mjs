// Checks what Renovate extracted (renovate --platform=local --dry-run=extract, report file) from a
// scratch copy of the repository: every constant of platform.Versions with its version, and exactly
// the image references of the stack-file fixture. Usage: node renovate-check.mjs REPORT VERSIONS_JAVA
import { readFileSync } from 'node:fs';

const [reportFile, versionsFile] = process.argv.slice(2);
const report = JSON.parse(readFileSync(reportFile, 'utf8'));
const deps = Object.values(report.repositories).flatMap((repository) =>
  Object.values(repository.packageFiles).flat().flatMap((file) =>
    file.deps.map((dep) => ({ ...dep, packageFile: file.packageFile }))));
const show = (dep) => `${dep.depName} ${dep.currentValue}${dep.currentDigest ? '@' + dep.currentDigest : ''}`;
const problems = [];

// Versions.java: a `// renovate:` line, then the constant; the version is what follows the last ':'.
const lines = readFileSync(versionsFile, 'utf8').split('\n');
const expectedVersions = [];
lines.forEach((line, i) => {
  const marker = line.match(/\/\/ renovate: datasource=\S+ depName=(\S+)/);
  if (marker) {
    const value = (lines[i + 1] || '').match(/= "([^"]+)";/);
    if (!value) problems.push(`Versions.java line ${i + 2}: no constant after the renovate line`);
    else expectedVersions.push(`${marker[1]} ${value[1].split('@')[0].split(':').pop()}`);
  }
});
const extractedVersions = deps.filter((dep) => dep.packageFile.endsWith('Versions.java')).map(show);
if (expectedVersions.length === 0) problems.push('Versions.java has no renovate lines');
for (const dep of expectedVersions) if (!extractedVersions.includes(dep)) problems.push(`Versions.java: Renovate did not extract ${dep}`);
for (const dep of extractedVersions) if (!expectedVersions.includes(dep)) problems.push(`Versions.java: Renovate extracted an unexpected ${dep}`);

const digest = 'sha256:' + 'ab12'.repeat(16);
const EXPECTED_STACK_DEPS = [
  'ghcr.io/acme/marc-web 1.4.0',
  `ghcr.io/acme/marc-api 1.4.0@${digest}`,
  'registry.digitalocean.com/platform-registry/marc-worker 2.0.1',
  'localhost:5000/team/tool 0.3.0',
  'registry.example.org/p88/app 3f0c2a9e8b7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b',
];
const extractedStack = deps.filter((dep) => dep.packageFile === 'Pulumi.fixture.yaml').map(show);
if (JSON.stringify([...extractedStack].sort()) !== JSON.stringify([...EXPECTED_STACK_DEPS].sort())) {
  problems.push(`stack-file fixture: expected\n    ${EXPECTED_STACK_DEPS.join('\n    ')}\n  extracted\n    ${extractedStack.join('\n    ') || '(nothing)'}`);
}
for (const dep of deps.filter((d) => /^Pulumi\.(dev|prod)\.yaml$/.test(d.packageFile))) {
  console.log(`${dep.packageFile}: ${show(dep)}`);
}

if (problems.length > 0) {
  console.error(`Renovate's extraction does not match:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Renovate extracts ${extractedVersions.length} versions from Versions.java and every image form of the stack files`);
