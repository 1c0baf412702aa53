
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's4366eff916e27ef6': `Can't reach the server. Check your connection and try again.`,
'sd74d008ac038b6b8': `The server took too long to answer. Try again.`,
's81c56d2d2ad2f224': `Too many requests. Wait a moment and try again.`,
'sc8b885fb957b5856': `Your session has ended. Sign in again.`,
'saf2de769ea8c4e79': `You don't have access to this.`,
's66d7186f53de2565': `This record doesn't exist or was removed.`,
's343e4e53cd7a9339': `Someone else changed this record while you were editing it.`,
'sad65264d44677cf0': `Something went wrong.`,
's701157541fa523af': `Something went wrong on our side. Try again.`,
'sc57b150b53a3b9e6': `This field is required.`,
'se6e8a4ba0e6e819c': str`Use at least ${0} characters.`,
'sabb445fbbf8791d8': str`Use at most ${0} characters.`,
's2ac430f0abc8f0f5': str`Enter ${0} or more.`,
's8784ad404bddc89d': str`Enter ${0} or less.`,
'sb1dfff126b9dc810': `Enter a whole number.`,
's572a0491670e509b': `Enter an email address like name@example.com.`,
's6a4125e54d433716': `Enter a web address starting with https:// or http://.`,
's7f8e78a947c4c969': `Use a two-letter ISO 3166 country code in capitals, such as US or DE.`,
'sda8c83b7865aecdb': `This value is not valid.`,
's7808c1483376e693': `Accept the program terms to continue.`,
's48fd85fb3026cd69': `Tier`,
's25fb56b7566a63c8': `Specialization`,
'sd645883eef83d0f1': `Market`,
'saba5ffa9753b7e66': `Segment`,
's801ca3f7c573aebd': `Not connected`,
'scd1dd6ff53d0d01a': `Try again`,
's6ebc9bd6feae62a3': `Loading…`,
's7c5eca297514a393': `1 field needs attention:`,
's1a1303c37c6ad0a6': str`${0} fields need attention:`,
'saeb178fed955c505': `Prospect`,
'sb7efe2955d7a41f8': `Onboarding`,
'sa45a194b58837e4f': `Active`,
's155e35813a089462': `Suspended`,
'sb23938ffc25f80e0': `Terminated`,
's1d05e3f94a5acd2a': `Applied`,
'sef9fb24c04d90f87': `Rejected`,
'sd923f95605fed7b2': `Expired`,
'sec95b6611e06299b': `Withdrawn`,
'sd600892f7fabe04c': `Draft`,
's846a4a8f0ebd80b6': `Retired`,
'sf6f5923eea52a2ff': `Place this element inside a &lt;prm-provider&gt; that has an adapter.`,
    };
  