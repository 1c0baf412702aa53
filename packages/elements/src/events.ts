/**
 * The `prm-*` DOM events. Each bubbles and is composed (it crosses shadow roots to the
 * host page) and carries its payload as typed fields on the event itself.
 */
import type { Partner, ProgramMembership, Program } from '@prm-kit/core';

abstract class PrmEvent extends Event {
  constructor(type: string, cancelable = false) {
    super(type, { bubbles: true, composed: true, cancelable });
  }
}

/** A partner's profile was saved. */
export class PrmPartnerUpdatedEvent extends PrmEvent {
  static readonly type = 'prm-partner-updated';
  constructor(readonly partner: Partner) {
    super(PrmPartnerUpdatedEvent.type);
  }
}

/**
 * The viewer asked to apply to a program (from the catalog or the enrollment). Cancel it to
 * handle the application yourself; `partnerId` is the partner the application is for.
 */
export class PrmProgramApplyEvent extends PrmEvent {
  static readonly type = 'prm-program-apply';
  constructor(
    readonly program: Program,
    readonly partnerId?: string,
  ) {
    super(PrmProgramApplyEvent.type, true);
  }
}

/** An application to a program was sent (the membership is `applied` or already `active`). */
export class PrmMembershipAppliedEvent extends PrmEvent {
  static readonly type = 'prm-membership-applied';
  constructor(readonly membership: ProgramMembership) {
    super(PrmMembershipAppliedEvent.type);
  }
}

/** A membership was withdrawn. */
export class PrmMembershipWithdrawnEvent extends PrmEvent {
  static readonly type = 'prm-membership-withdrawn';
  constructor(readonly membership: ProgramMembership) {
    super(PrmMembershipWithdrawnEvent.type);
  }
}

declare global {
  interface HTMLElementEventMap {
    'prm-partner-updated': PrmPartnerUpdatedEvent;
    'prm-program-apply': PrmProgramApplyEvent;
    'prm-membership-applied': PrmMembershipAppliedEvent;
    'prm-membership-withdrawn': PrmMembershipWithdrawnEvent;
  }
}
