/** The version written into the registry, so a second copy of prm-kit can tell itself apart. */
export const VERSION = '0.0.0';

const versions = new Map<string, string>();

/**
 * Registers a tag once. A widget kit is often loaded twice on one page: the same version
 * registering again is ignored; a different version keeps the first and warns.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, element);
    versions.set(tag, VERSION);
    return;
  }
  const version = (existing as { prmVersion?: string }).prmVersion ?? versions.get(tag);
  if (existing !== element && version !== VERSION) {
    console.warn(
      `prm-kit: <${tag}> is already defined by prm-kit ${version ?? '(unknown version)'}; ` +
        `keeping it and ignoring ${VERSION}. Load prm-kit once per page.`,
    );
  }
}
