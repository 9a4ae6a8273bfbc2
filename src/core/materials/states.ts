/** A material row's state: `converting` while ffmpeg makes a copy, `pending` until the check job ran. */
export const MATERIAL_STATES = ['converting', 'pending', 'passed', 'failed'] as const;

export type MaterialState = (typeof MATERIAL_STATES)[number];
