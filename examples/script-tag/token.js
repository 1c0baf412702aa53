// The host page's sign-in: prm-kit calls this before every request to the PRM API (it may
// also return a promise). The reference server accepts its demo tokens, such as this one for
// Alice Brennan, partner admin of ABC Systems; a real page returns its user's own token.
globalThis.getPrmToken = () => 'demo-partnerAdmin';
