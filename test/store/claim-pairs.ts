/**
 * Claim/denial pairs written for measuring the text-link threshold (own words, no seed
 * sentence). `claim` is a proposition as the pipeline extracts it; `denial` is an unlinked
 * denial's text as the pipeline stores it (`denial: ` + the sentence).
 */
export const SAME: { claim: string; denial: string }[] = [
  {
    claim: 'Baku allowed Israel to use its airfields for strikes',
    denial: 'denial: Azerbaijan denied that it allowed Israel to use its airfields, the ministry said.',
  },
  {
    claim: 'Tehran supplied drones to Russian forces',
    denial: 'denial: Iran has never supplied drones to Russian forces, the foreign ministry said on Friday.',
  },
  {
    claim: 'Yerevan moved heavy artillery to the border villages',
    denial: 'denial: Armenia rejected reports that it moved heavy artillery to the border villages.',
  },
  {
    claim: 'Ankara trained militia fighters near the frontier',
    denial: 'denial: Turkey dismissed the charge that it trained militia fighters, calling it baseless.',
  },
  {
    claim: 'Moscow shipped fuel to the blockaded enclave',
    denial: 'denial: Russia denied having shipped fuel to the enclave during the blockade.',
  },
  {
    claim: 'Baku hosts foreign intelligence stations on its soil',
    denial: 'denial: Azerbaijan denied it hosts foreign intelligence stations and invited inspectors.',
  },
];

export const OTHER: { claim: string; denial: string }[] = [
  {
    claim: 'Baku allowed Israel to use its airfields for strikes',
    denial: 'denial: Azerbaijan denied that its troops crossed the border near the lake, officials said.',
  },
  {
    claim: 'Tehran supplied drones to Russian forces',
    denial: 'denial: Iran denied that its officials met the rebel envoy in the capital, officials said.',
  },
  {
    claim: 'Yerevan moved heavy artillery to the border villages',
    denial: 'denial: Armenia denied reports of a cabinet reshuffle, officials in the capital said on Monday.',
  },
  {
    claim: 'Ankara trained militia fighters near the frontier',
    denial: 'denial: Turkey denied it would raise gas prices for its neighbours next winter.',
  },
  {
    claim: 'Moscow shipped fuel to the blockaded enclave',
    denial: 'denial: Russia dismissed reports that its peacekeepers had left the region, officials said.',
  },
  {
    claim: 'officials in the capital said the talks stalled',
    denial: 'denial: Iran denied that it had sold rockets to the militia, officials in the capital said.',
  },
];
