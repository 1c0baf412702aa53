/**
 * The `prm-*` DOM events. Each bubbles and is composed (it crosses shadow roots to the
 * host page) and carries its payload as typed fields on the event itself.
 */
import type { Case, DealRegistration, Partner, ProgramMembership, Program } from '@prm-kit/core';

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

/** A deal registration was submitted (from the form, or a draft or returned one from the list). */
export class PrmDealSubmittedEvent extends PrmEvent {
  static readonly type = 'prm-deal-submitted';
  constructor(readonly deal: DealRegistration) {
    super(PrmDealSubmittedEvent.type);
  }
}

/** The enterprise decided a registration: approved, rejected or returned for more information. */
export class PrmDealDecidedEvent extends PrmEvent {
  static readonly type = 'prm-deal-decided';
  constructor(
    readonly deal: DealRegistration,
    readonly outcome: 'approved' | 'rejected' | 'returned',
  ) {
    super(PrmDealDecidedEvent.type);
  }
}

/** An approved registration became an opportunity (`deal.opportunityId`). */
export class PrmDealConvertedEvent extends PrmEvent {
  static readonly type = 'prm-deal-converted';
  constructor(readonly deal: DealRegistration) {
    super(PrmDealConvertedEvent.type);
  }
}

/** The viewer chose a registration in a list or queue (a host may open its own detail view). */
export class PrmDealSelectEvent extends PrmEvent {
  static readonly type = 'prm-deal-select';
  constructor(readonly deal: DealRegistration) {
    super(PrmDealSelectEvent.type, true);
  }
}

/** A support case was raised (`supportCase.number`, `firstResponseDueAt`). */
export class PrmCaseCreatedEvent extends PrmEvent {
  static readonly type = 'prm-case-created';
  constructor(readonly supportCase: Case) {
    super(PrmCaseCreatedEvent.type);
  }
}

/** A case changed through an element: a reply, an assignment, a status change. */
export class PrmCaseUpdatedEvent extends PrmEvent {
  static readonly type = 'prm-case-updated';
  constructor(readonly supportCase: Case) {
    super(PrmCaseUpdatedEvent.type);
  }
}

/** The viewer chose a case in a list or queue (cancel it to open your own view). */
export class PrmCaseSelectEvent extends PrmEvent {
  static readonly type = 'prm-case-select';
  constructor(readonly supportCase: Case) {
    super(PrmCaseSelectEvent.type, true);
  }
}

/** The viewer chose a partner on a dashboard (a host opens that partner's record). */
export class PrmPartnerSelectEvent extends PrmEvent {
  static readonly type = 'prm-partner-select';
  constructor(
    readonly partnerId: string,
    /** The partner's name, as shown. */
    readonly name: string,
  ) {
    super(PrmPartnerSelectEvent.type);
  }
}

declare global {
  interface HTMLElementEventMap {
    'prm-case-created': PrmCaseCreatedEvent;
    'prm-case-updated': PrmCaseUpdatedEvent;
    'prm-case-select': PrmCaseSelectEvent;
    'prm-deal-submitted': PrmDealSubmittedEvent;
    'prm-deal-decided': PrmDealDecidedEvent;
    'prm-deal-converted': PrmDealConvertedEvent;
    'prm-deal-select': PrmDealSelectEvent;
    'prm-partner-updated': PrmPartnerUpdatedEvent;
    'prm-partner-select': PrmPartnerSelectEvent;
    'prm-program-apply': PrmProgramApplyEvent;
    'prm-membership-applied': PrmMembershipAppliedEvent;
    'prm-membership-withdrawn': PrmMembershipWithdrawnEvent;
  }
}
