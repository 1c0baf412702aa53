import { css } from 'lit';

export const programCatalogStyles = css`
  section {
    display: grid;
    gap: calc(var(--_unit) * 3);
  }
  .programs {
    display: grid;
    gap: calc(var(--_unit) * 4);
  }
  .program {
    border-radius: var(--prm-program-catalog-radius, var(--_radius));
  }
  .program header {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_unit) * 2) calc(var(--_unit) * 4);
    align-items: baseline;
    justify-content: space-between;
  }
  .description {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .tiers {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
    gap: calc(var(--_unit) * 3);
  }
  .tier {
    display: grid;
    gap: calc(var(--_unit) * 2);
    align-content: start;
    padding: calc(var(--_unit) * 3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_sunken);
  }
  .tier h4 {
    margin: 0;
  }
  .subhead {
    font-weight: 600;
  }
  .bullets {
    list-style: disc;
    padding-inline-start: 1.25em;
  }
  .program.ineligible {
    background: var(--_sunken);
    border-style: dashed;
  }
  .program.ineligible h3 {
    color: var(--_muted);
  }
  .reasons {
    display: grid;
    gap: calc(var(--_unit) * 1.5);
  }
  .reasons li {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_unit) * 1.5);
    align-items: center;
  }
  summary {
    cursor: pointer;
    color: var(--_accent);
  }
  details[open] > summary {
    margin-block-end: calc(var(--_unit) * 3);
  }
`;
