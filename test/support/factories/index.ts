/**
 * Test factories: rows built through the real services and transition functions, so a test says what it
 * needs and holds no row the platform could not have made (house rule 11). States are never set in SQL.
 */
export {
  type HasContext,
  loginAs,
  newAccount,
  platformAdmin,
  sessionActor,
  type TestAccount,
} from './accounts.ts';
export { endAnnouncementPeriod, newAnnouncement, type TestAnnouncement } from './announcements.ts';
export {
  moveCampaign,
  moveCampaignAs,
  newCampaign,
  type TemplateId,
  type TestCampaign,
} from './campaigns.ts';
export {
  completeForm,
  type FactoryState,
  newNomination,
  selectNominations,
  sessionOf,
  type TestNomination,
} from './nominations.ts';
export { moveObjection, newObjection, type TestObjection } from './objections.ts';
export { newExpert, newOrganiser, newUnit, type TestOrganiser, type TestUnit } from './organisations.ts';
