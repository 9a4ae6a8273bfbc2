/**
 * Who may call each operation of the API: one entry per operationId of the OpenAPI document. A new route
 * without an entry here fails the matrix (test/server/security/authorisation-matrix.test.ts), and so does an
 * entry whose operation is gone. The subjects are the Jilin side's (access-fixture.ts): everyone not in
 * `allow` must be refused (401 anonymous, 403 or 404 otherwise) and change nothing.
 */
import { as } from '#test/support/app.ts';
import type { AccessWorld, Caller, Subjects } from './access-fixture.ts';

/** Accounts made by the matrix's own requests, for unique user names. */
let made = 0;

/** Switches a subject on or off as the platform admin (a no-op when it already is). */
async function toggle(w: AccessWorld, url: string) {
  await w.t.app.inject({ method: 'POST', url, headers: as(w.sessions.get('platform')!) });
}

/** `public`: anyone, signed in or not; `signedIn`: every caller with a session; else exactly these callers. */
export type Allow = 'public' | 'signedIn' | readonly Caller[];

export interface Access {
  allow: Allow;
  /** Path parameters where the default subject for the path (see defaultParams) is not the one meant. */
  params?: (s: Subjects) => Record<string, string>;
  query?: (s: Subjects) => Record<string, string>;
  /** A body that passes the request's shape; by default one generated from the documented schema. */
  body?: (s: Subjects) => unknown;
  /**
   * Allowed callers send the body too, so the write really happens. By default they send an empty body:
   * a 400 for it is past the permission gate, and the subjects stay as they are for the next operation.
   */
  live?: true;
  /**
   * The subject does not exist in the fixture (no file uploaded, no proposal made): an allowed caller
   * may get 404 as well, so only the refusals are proved. Says what is missing.
   */
  missing?: string;
  /** A multipart upload: these fields and one small file. */
  multipart?: (s: Subjects) => Record<string, string>;
  /** Callers let through for their own scope must not see these subjects in the answer. */
  hidden?: { from: readonly Caller[]; ids: (s: Subjects) => string[] };
  /** Allowed callers send this instead of an empty body (one an empty body would complete). */
  allowedBody?: (s: Subjects) => unknown;
  /** Allowed callers are not called: the operation takes long (a conversion); says why. */
  slow?: string;
  /** Run before and after each caller's request: to put a subject back as the fixture made it. */
  before?: (w: AccessWorld) => Promise<unknown>;
  after?: (w: AccessWorld) => Promise<unknown>;
  /** Callers who pass the gate but whose move the transition table refuses (409 MOVE_NOT_ALLOWED). */
  refusedByMove?: readonly Caller[];
  /** Each caller signs in anew for this request (it ends the session it is made with). */
  fresh?: true;
}

export const ACCESS: Record<string, Access> = {
  getHealth: { allow: 'public' },
  getLiveness: { allow: 'public' },
  getReadiness: { allow: 'public' },
  // Anyone may sign in; the body is 长春's own user name and password.
  login: { allow: 'public', body: (s) => s.login },
  logout: { allow: 'signedIn', fresh: true },
  getMe: { allow: 'signedIn' },
  getSession: { allow: 'public' },
  listMySessions: { allow: 'signedIn' },
  signOutElsewhere: { allow: 'signedIn' },
  changePassword: { allow: 'signedIn' },
  listOrganisations: {
    allow: ['platform', 'national', 'jilin', 'otherProvince'],
    hidden: { from: ['otherProvince'], ids: (s) => [s.organisations.changchun] },
  },
  createOrganisation: { allow: ['platform', 'national', 'jilin'] },
  updateOrganisation: { allow: ['platform', 'national', 'jilin'] },
  disableOrganisation: {
    allow: ['platform', 'national', 'jilin'],
    after: (w) => toggle(w, `/api/organisations/${w.subjects.organisations.victim}/enable`),
  },
  enableOrganisation: {
    allow: ['platform', 'national', 'jilin'],
    before: (w) => toggle(w, `/api/organisations/${w.subjects.organisations.victim}/disable`),
    after: (w) => toggle(w, `/api/organisations/${w.subjects.organisations.victim}/enable`),
  },
  listAccounts: {
    allow: ['platform', 'national', 'jilin', 'otherProvince'],
    hidden: { from: ['otherProvince'], ids: (s) => [s.accounts.victim] },
  },
  createAccount: {
    allow: ['platform', 'national', 'jilin'],
    body: (s) => ({
      username: `matrix-${++made}`,
      displayName: '矩阵测试',
      organisationId: s.organisations.changchun,
      roles: ['unit_submitter'],
      phone: '13912345678',
    }),
  },
  updateAccount: { allow: ['platform', 'national', 'jilin'] },
  disableAccount: {
    allow: ['platform', 'national', 'jilin'],
    after: (w) => toggle(w, `/api/accounts/${w.subjects.accounts.victim}/enable`),
  },
  enableAccount: {
    allow: ['platform', 'national', 'jilin'],
    before: (w) => toggle(w, `/api/accounts/${w.subjects.accounts.victim}/disable`),
    after: (w) => toggle(w, `/api/accounts/${w.subjects.accounts.victim}/enable`),
  },
  resetAccountPassword: { allow: ['platform', 'national', 'jilin'] },
  unlockAccountLogin: { allow: ['platform', 'national', 'jilin'] },
  downloadAccountImportTemplate: { allow: ['platform', 'national', 'jilin', 'otherProvince'] },
  importAccounts: { allow: ['platform', 'national', 'jilin', 'otherProvince'], multipart: () => ({}) },
  listAuditLog: {
    allow: ['platform', 'national', 'jilin', 'otherProvince'],
    hidden: { from: ['otherProvince'], ids: (s) => [s.open.id, s.review.id, s.announcing.id, s.approved.id] },
  },
  listCampaignTemplates: { allow: ['platform', 'national', 'jilin', 'otherProvince'] },
  listCampaigns: {
    allow: 'signedIn',
    hidden: { from: ['otherProvince'], ids: (s) => [s.open.id, s.review.id, s.announcing.id, s.approved.id] },
  },
  createCampaign: { allow: ['platform', 'national', 'jilin', 'otherProvince'] },
  getCampaign: {
    allow: ['jilin', 'unit', 'otherUnit', 'expert', 'conflictedExpert', 'unassignedExpert', 'approver'],
  },
  updateCampaignRules: { allow: ['jilin'] },
  transitionCampaign: { allow: ['jilin'] },
  previewCampaignMove: { allow: ['jilin'] },
  computeAnnouncementPeriod: {
    allow: ['jilin', 'unit', 'otherUnit', 'expert', 'conflictedExpert', 'unassignedExpert', 'approver'],
  },
  grantCampaignExtension: { allow: ['jilin'] },
  getCalendarYear: { allow: ['platform', 'national', 'jilin', 'otherProvince'] },
  computeWorkingPeriod: { allow: 'signedIn' },
  addCalendarOverride: { allow: ['platform', 'national', 'jilin', 'otherProvince'] },
  removeCalendarOverride: { allow: ['jilin'] },
  confirmCalendarYear: { allow: ['platform', 'national', 'jilin', 'otherProvince'] },
  unconfirmCalendarYear: { allow: ['platform', 'national', 'jilin', 'otherProvince'] },
  listNominations: {
    allow: ['jilin', 'unit', 'otherUnit'],
    hidden: { from: ['otherUnit'], ids: (s) => [s.nominations.submitted, s.nominations.draft] },
  },
  createNomination: {
    allow: ['unit', 'otherUnit'],
  },
  exportNominations: {
    allow: ['jilin', 'unit', 'otherUnit'],
    hidden: { from: ['otherUnit'], ids: (s) => [s.nominations.submitted, s.nominations.draft] },
  },
  getQuotaDashboard: { allow: ['jilin'] },
  getMissedDeadline: { allow: ['jilin'] },
  orderRegistrationTable: { allow: ['jilin', 'unit', 'otherUnit'] },
  getNomination: { allow: ['jilin', 'unit'] },
  updateNomination: { allow: ['unit'], params: (s) => ({ id: s.nominations.draft }) },
  checkNominationAgainstRegistry: { allow: ['jilin', 'unit'] },
  submitNomination: { allow: ['jilin', 'unit'] },
  withdrawNomination: {
    allow: ['unit'],
    refusedByMove: ['jilin'],
    params: (s) => ({ id: s.nominations.spare }),
  },
  reviewNominationFormally: { allow: ['jilin'], refusedByMove: ['unit'] },
  transitionNomination: { allow: ['jilin'], refusedByMove: ['unit'] },
  acceptNominationWarning: { allow: ['jilin'] },
  nextNominationToCheck: { allow: ['jilin'] },
  acceptNominationsFormally: { allow: ['jilin'] },
  requestNominationReview: { allow: ['unit'] },
  markSpecialNomination: { allow: ['unit'] },
  forwardNominations: { allow: ['jilin'] },
  requestPackage: { allow: ['jilin', 'unit', 'otherUnit'] },
  listPackages: {
    allow: ['jilin', 'unit', 'otherUnit'],
    hidden: { from: ['otherUnit'], ids: (s) => [s.package] },
  },
  getPackage: { allow: ['jilin', 'unit'] },
  downloadPackage: { allow: ['jilin', 'unit'] },
  downloadNominationForm: { allow: ['jilin', 'unit'] },
  downloadNominationFormPdf: { allow: ['jilin', 'unit'], slow: 'LibreOffice 转换较慢：只验证拒绝' },
  downloadRegistrationTable: { allow: ['jilin', 'unit', 'otherUnit'] },
  downloadOrganiserTable: { allow: ['jilin'] },
  listPreviousWinners: { allow: ['platform', 'national', 'jilin', 'otherProvince'] },
  downloadPreviousWinnersTemplate: { allow: ['platform', 'national', 'jilin', 'otherProvince'] },
  importPreviousWinners: { allow: ['platform', 'national', 'jilin', 'otherProvince'], multipart: () => ({}) },
  correctPreviousWinner: {
    allow: ['platform', 'national', 'jilin', 'otherProvince'],
    missing: '往届入选记录',
  },
  deletePreviousWinner: {
    allow: ['platform', 'national', 'jilin', 'otherProvince'],
    missing: '往届入选记录',
  },
  listNominationMaterials: { allow: ['jilin', 'unit'] },
  getMaterialContent: { allow: ['jilin', 'unit'] },
  deleteMaterial: { allow: ['unit'], params: (s) => ({ id: s.materials.draft }) },
  chooseMaterial: { allow: ['unit'] },
  generateWorkSummaryDocument: { allow: ['unit'] },
  waiveMaterialFinding: { allow: ['jilin'] },
  getMaterialPreview: { allow: ['jilin', 'unit'] },
  convertMaterial: { allow: ['unit'] },
  getPaperOverview: { allow: ['jilin', 'unit', 'otherUnit'] },
  recordPaperDispatch: { allow: ['unit'] },
  recordPaperReceipt: { allow: ['jilin'] },
  uploadPaperScan: { allow: ['unit'], multipart: () => ({}) },
  getPaperScan: { allow: ['jilin', 'unit'], missing: '盖章扫描件' },
  listUnitPublicities: {
    allow: ['jilin', 'unit', 'otherUnit'],
    hidden: { from: ['otherUnit'], ids: (s) => [s.publicity] },
  },
  recordUnitPublicity: { allow: ['unit', 'otherUnit'] },
  updateUnitPublicity: { allow: ['unit'] },
  uploadUnitPublicityFile: { allow: ['unit'], multipart: () => ({}) },
  getUnitPublicityFile: { allow: ['jilin', 'unit'], missing: '公示材料文件' },
  // Last of its kind: it spends the publicity the ones above act on.
  deleteUnitPublicity: { allow: ['unit'] },
  getReviewSetup: { allow: ['jilin'] },
  searchExpertCandidates: { allow: ['jilin'] },
  inviteExpert: {
    allow: ['jilin'],
    body: (s) => ({ accountId: s.accounts.unassignedExpert, panels: ['star'] }),
  },
  updateExpert: { allow: ['jilin'] },
  removeExpert: {
    allow: ['jilin'],
    params: (s) => ({ campaignId: s.review.id, expertId: s.accounts.unassignedExpert }),
  },
  getExpertImportTemplate: { allow: ['jilin'] },
  importExperts: { allow: ['jilin'], multipart: () => ({}) },
  checkExpertConflicts: { allow: ['jilin'] },
  listConflicts: { allow: ['jilin'] },
  dismissConflict: { allow: ['jilin'] },
  declareConflict: {
    allow: ['expert', 'conflictedExpert', 'unassignedExpert'],
    body: (s) => ({ nominationId: s.nominations.reviewed, reason: '本人与被推介人系同事关系' }),
  },
  listExclusionRequests: { allow: ['unit'] },
  setExclusionRequests: { allow: ['unit'] },
  createReviewRound: { allow: ['jilin'] },
  updateReviewRound: { allow: ['jilin'] },
  moveReviewRound: { allow: ['jilin'] },
  assignReviews: { allow: ['jilin'] },
  getAssignments: { allow: ['jilin'] },
  addAssignment: { allow: ['jilin'] },
  removeAssignment: { allow: ['jilin'] },
  getWorklist: {
    allow: 'signedIn',
    hidden: {
      from: ['otherProvince', 'otherUnit', 'conflictedExpert', 'unassignedExpert'],
      ids: (s) => [s.nominations.reviewed, s.nominations.submitted],
    },
  },
  listMyReviews: {
    allow: 'signedIn',
    hidden: { from: ['conflictedExpert', 'unassignedExpert'], ids: (s) => [s.nominations.reviewed] },
  },
  getReview: { allow: ['expert'] },
  saveReview: { allow: ['expert'] },
  getReviewFile: { allow: ['expert'] },
  submitReview: { allow: ['expert'] },
  reopenReview: { allow: ['expert'] },
  getRanking: { allow: ['jilin'] },
  getShortlistProposals: { allow: ['jilin'] },
  proposeShortlist: { allow: [] /* only a panel chair (评审组组长) proposes; no caller here chairs */ },
  confirmShortlist: { allow: ['jilin'], missing: '拟推介名单' },
  getScoreSheet: { allow: ['expert'] },
  exportScoreSheets: { allow: ['jilin', 'expert'] },
  exportRanking: { allow: ['jilin'] },
  exportShortlist: { allow: ['jilin'], missing: '拟推介名单' },
  listNotifications: {
    allow: 'signedIn',
    hidden: {
      from: [
        'platform',
        'national',
        'otherProvince',
        'unit',
        'otherUnit',
        'expert',
        'conflictedExpert',
        'unassignedExpert',
        'approver',
      ],
      ids: (s) => [s.notification],
    },
  },
  markNotificationRead: { allow: ['jilin'] },
  markAllNotificationsRead: { allow: 'signedIn' },
  getObjectionCaptcha: { allow: 'public' },
  submitObjection: { allow: 'public', multipart: () => ({}) },
  getObjectionStatus: { allow: 'public', body: (s) => s.receipt },
  listObjections: { allow: ['jilin'] },
  getObjection: { allow: ['jilin'] },
  viewObjectorIdentity: { allow: ['jilin'] },
  handleObjection: { allow: ['jilin'] },
  addObjectionNote: { allow: ['jilin'] },
  addObjectionFiles: { allow: ['jilin'], multipart: () => ({}) },
  getObjectionFile: { allow: ['jilin'], missing: '异议附件' },
  requestExplanation: { allow: ['jilin'] },
  listExplanationRequests: {
    allow: 'signedIn',
    hidden: {
      from: ['platform', 'national', 'otherProvince', 'otherUnit', 'expert', 'approver'],
      ids: (s) => [s.objection],
    },
  },
  answerObjectionExplanation: {
    allow: ['unit'],
    multipart: () => ({ explanation: '经核实，该同志所获荣誉属实。' }),
  },
  listApprovals: {
    allow: 'signedIn',
    hidden: {
      from: ['platform', 'national', 'otherProvince', 'unit', 'otherUnit', 'expert'],
      ids: (s) => [s.open.id, s.review.id, s.announcing.id, s.approved.id],
    },
  },
  getResultsStatus: { allow: ['jilin', 'approver'] },
  approveCampaign: { allow: ['approver'] },
  returnCampaign: { allow: ['approver'] },
  requestApproval: { allow: ['jilin'] },
  publishResults: { allow: ['jilin'], allowedBody: () => ({ docNumber: 2026 }) },
  getResultNotice: { allow: [] /* not published yet: nobody sees the notice */ },
  downloadResultNotice: { allow: [] /* not published yet */ },
  getAnnouncement: { allow: ['jilin', 'approver'] },
  createAnnouncement: { allow: ['jilin'] },
  updateAnnouncement: { allow: ['jilin'] },
  computeAnnouncementEnd: { allow: ['jilin'] },
  scheduleAnnouncement: { allow: ['jilin'] },
  withdrawAnnouncement: { allow: ['jilin'] },
  openAnnouncement: { allow: ['jilin'] },
  restartAnnouncement: { allow: ['jilin'] },
  // 统计分析: organiser admins, each over what its own organisation organises (北京 sees its own, empty).
  getStatistics: { allow: ['platform', 'national', 'jilin', 'otherProvince'] },
  exportStatistics: { allow: ['platform', 'national', 'jilin', 'otherProvince'] },
  buildYearReport: { allow: ['jilin'] },
  // 宣传推介活动 (五进) of published winners: lists are scoped to the caller (empty where nothing is theirs).
  listActivityWinners: { allow: 'signedIn' },
  listActivities: { allow: 'signedIn' },
  recordActivity: { allow: ['jilin', 'unit'], missing: '已公布的推介对象（本夹具的活动均未公布）' },
  updateActivity: { allow: ['jilin', 'unit'], missing: '宣传活动记录' },
  deleteActivity: { allow: ['jilin', 'unit'], missing: '宣传活动记录' },
  uploadActivityPhoto: { allow: ['jilin', 'unit'], missing: '宣传活动记录', multipart: () => ({}) },
  deleteActivityPhoto: { allow: ['jilin', 'unit'], missing: '宣传活动照片' },
  getActivityPhoto: { allow: ['national', 'jilin', 'unit'], missing: '宣传活动照片' },
  getPublicActivityPhoto: { allow: 'public', missing: '已公布推介对象的活动照片' },
  // 优秀事迹展示: the public text of a published winner is the round organiser's alone to list, edit and
  // approve (not an organisation above it, not the reporting unit); the public pages need no sign-in and
  // are not API operations.
  listShowcaseStories: { allow: ['jilin'], params: (s) => ({ id: s.approved.id }) },
  saveShowcaseStory: { allow: ['jilin'], missing: '已公布的推介对象（本夹具的推介均未公布）' },
  approveShowcaseStory: { allow: ['jilin'], missing: '已公布的推介对象（本夹具的推介均未公布）' },
};
