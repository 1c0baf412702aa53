import { msg } from '@lit/localize';
import type { Segment, SegmentKind } from '@prm-kit/core';
import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { QueryController } from '../../client/controllers.js';
import { PrmElement } from '../../internal/prm-element.js';
import { errorMessage } from '../../localize.js';
import { segmentBadgeStyles } from './segment-badge.styles.js';

export function segmentKindLabel(kind: SegmentKind): string {
  const labels: Record<SegmentKind, string> = {
    tier: msg('Tier'),
    specialization: msg('Specialization'),
    market: msg('Market'),
    custom: msg('Segment'),
  };
  return labels[kind];
}

/**
 * @summary A partner's segment (tier, specialization, market) as a badge in the segment's
 * colour. Give it a `segment` object, or a `segment-id` to read through the provider.
 *
 * @csspart base - The badge.
 * @csspart swatch - The dot in the segment's colour.
 * @csspart label - The segment's name.
 * @cssproperty --prm-segment-badge-radius - Corner radius of the badge (default: fully round).
 */
export class PrmSegmentBadge extends PrmElement {
  static override styles = [...PrmElement.styles, segmentBadgeStyles];

  readonly #read = new QueryController(this, (client) =>
    !this.segment && this.segmentId ? client.get('segments', this.segmentId) : undefined,
  );

  /** The segment to show; takes precedence over `segment-id`. */
  @property({ attribute: false }) accessor segment: Segment | undefined;

  /** Id of a segment to read through the provider. */
  @property({ attribute: 'segment-id' }) accessor segmentId: string | undefined;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // CSSOM, not a style attribute: allowed under a strict Content-Security-Policy. The
    // colour is a schema-checked #rrggbb.
    const colour = this.#segment()?.colour;
    if (colour) this.style.setProperty('--_swatch', colour);
    else this.style.removeProperty('--_swatch');
  }

  protected override render() {
    const segment = this.#segment();
    if (segment) {
      return html`<span class="badge" part="base" title=${segment.description ?? segment.name}>
        <span class="swatch" part="swatch"></span>
        <span part="label"
          ><span class="visually-hidden">${segmentKindLabel(segment.kind)}: </span
          >${segment.name}</span
        >
      </span>`;
    }
    if (!this.segmentId) return html``;
    if (!this.connection) {
      return html`<span class="badge" part="base" data-state="error"
        >${msg('Not connected')}</span
      >`;
    }
    const result = this.#read.result;
    if (result?.status === 'error') {
      return html`<span class="badge" part="base" data-state="error" role="alert"
        >${errorMessage(result.error)}
        <button type="button" part="retry" @click=${() => void this.#read.refetch()}>
          ${msg('Try again')}
        </button></span
      >`;
    }
    return html`<span class="badge" part="base" data-state="loading" role="status" aria-busy="true"
      >${msg('Loading…')}</span
    >`;
  }

  #segment(): Segment | undefined {
    return this.segment ?? this.#read.data;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-segment-badge': PrmSegmentBadge;
  }
}
