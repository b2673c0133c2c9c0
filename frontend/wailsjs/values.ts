// Generated from the Go code by `make bindings` (app/values.go). DO NOT EDIT.
// The lists of allowed values, limits and event names the page shares with Go.

/** UI_LANGUAGES: the languages the UI speaks, each with a catalog in locales/; the first is the default (Go: locales.Languages). */
export const UI_LANGUAGES = ["en","fr"] as const;
/** UiLanguage is one of UI_LANGUAGES. */
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** EXPERIENCE_KINDS: the kinds of experience, in the order the form offers them (Go: portfolio.ExperienceKinds); each one's label is the message ExperienceKind<Item>. */
export const EXPERIENCE_KINDS = ["PaidWork","Volunteer","Caregiving","CommunityRole","LandBased","Military","SelfDirected","FormalEducation","Training"] as const;
/** ExperienceKind is one of EXPERIENCE_KINDS. */
export type ExperienceKind = (typeof EXPERIENCE_KINDS)[number];

/** EVIDENCE_KINDS: the kinds of evidence, in the order the form offers them (Go: portfolio.EvidenceKinds); each one's label is the message EvidenceKind<Item>. */
export const EVIDENCE_KINDS = ["Certificate","LetterOfValidation","WorkSample","PerformanceReview","PhotoOfPractice","Transcript","Reference","Reflection"] as const;
/** EvidenceKind is one of EVIDENCE_KINDS. */
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** SUPPORT_CATEGORIES: the kinds of wraparound support, in the order the form offers them (Go: portfolio.SupportCategories); each one's label is the message SupportCategory<Item>. */
export const SUPPORT_CATEGORIES = ["Coaching","Mentorship","Childcare","Transportation","Financial","Housing","MentalHealth","Accommodation","Language","DigitalAccess","ElderCultural","Other"] as const;
/** SupportCategory is one of SUPPORT_CATEGORIES. */
export type SupportCategory = (typeof SUPPORT_CATEGORIES)[number];

/** PLAR_METHODS: the assessment methods an institution may offer, in the order the form offers them (Go: plar.Methods); each one's label is the message Method<Item>. */
export const PLAR_METHODS = ["Portfolio","ChallengeExam","Interview","Demonstration"] as const;
/** PlarMethod is one of PLAR_METHODS. */
export type PlarMethod = (typeof PLAR_METHODS)[number];

/** TARGET_LANGUAGES: the languages a target can be submitted in (Go: plar.Languages); each one's label is the message TargetLanguage<Item>. */
export const TARGET_LANGUAGES = ["en","fr","bilingual"] as const;
/** TargetLanguage is one of TARGET_LANGUAGES. */
export type TargetLanguage = (typeof TARGET_LANGUAGES)[number];

/** EXPORT_LANGUAGES: the languages of the PDF, in the order the export screen offers them; bilingual puts both on every page (Go: pdf.Languages). */
export const EXPORT_LANGUAGES = ["en","fr","bilingual"] as const;
/** ExportLanguage is one of EXPORT_LANGUAGES. */
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/** RULES: the four rules of evidence in the order assessors name them (Go: plar.Rules); each one's label is the message Rule<Item>. */
export const RULES = ["valid","current","sufficient","authentic"] as const;
/** Rule is one of RULES. */
export type Rule = (typeof RULES)[number];

/** GUIDE_STEPS: the steps of the guide in the order a learner takes them (Go: plar.GuideSteps); each one's label is the message GuideStep<Item>. */
export const GUIDE_STEPS = ["Profile","Experiences","Target","SelfAssessment","Evidence","Narratives","Review","Export"] as const;
/** GuideStepId is one of GUIDE_STEPS. */
export type GuideStepId = (typeof GUIDE_STEPS)[number];

/** RATING_LEVELS: the levels of the self-rating scale, lowest first (Go: plar.RatingNotDone…plar.RatingTeach); each one's label is the message RatingLevel<Item>. */
export const RATING_LEVELS = [1,2,3,4,5] as const;

/** MIN_NARRATIVE_WORDS: the shortest learning narrative an assessor can judge, in words (Go: plar.MinNarrativeWords). */
export const MIN_NARRATIVE_WORDS = 75;

/** DEFAULT_CURRENCY_YEARS: how recent evidence must be when a target does not say, in years (Go: plar.DefaultCurrencyYears). */
export const DEFAULT_CURRENCY_YEARS = 5;

/** MAX_IMPORT_BYTES: the largest outcomes file Go reads; a bigger one is refused before it is read (Go: plar.MaxImportSize). */
export const MAX_IMPORT_BYTES = 2097152;

/** MAX_EVIDENCE_BYTES: the largest evidence file Go keeps; a bigger one is refused before it is read (Go: media.MaxFileSize). */
export const MAX_EVIDENCE_BYTES = 52428800;

/** PASSPHRASE_MIN: the shortest passphrase Go accepts, in characters (NFC code points) (Go: portfolio.MinPassphrase). */
export const PASSPHRASE_MIN = 8;

/** PASSPHRASE_MAX: the longest passphrase Go accepts, in characters (NFC code points) (Go: portfolio.MaxPassphrase). */
export const PASSPHRASE_MAX = 1024;

/** INACTIVITY_MIN: the shortest wait before an unused portfolio locks itself, in minutes (Go: portfolio.MinInactivityMinutes). */
export const INACTIVITY_MIN = 1;

/** INACTIVITY_MAX: the longest wait before an unused portfolio locks itself, in minutes (Go: portfolio.MaxInactivityMinutes). */
export const INACTIVITY_MAX = 240;

/** INACTIVITY_DEFAULT: the wait before locking when the learner has not chosen one, in minutes (Go: portfolio.DefaultInactivityMinutes). */
export const INACTIVITY_DEFAULT = 10;

/** BACKUP_KINDS: the kinds of backup file Go names (Go: portfolio.Backup*). */
export const BACKUP_KINDS = ["snapshot","backup","before-restore"] as const;
/** BackupKind is one of BACKUP_KINDS. */
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** BACKUP_BEFORE_RESTORE: the copy of a portfolio kept just before a restore replaced it (Go: portfolio.BackupBeforeRestore). */
export const BACKUP_BEFORE_RESTORE = "before-restore";

/** EVENT_EXPORT_PROGRESS: the event Go sends with {done, total} while it makes the PDF (Go: app.ExportProgressEvent). */
export const EVENT_EXPORT_PROGRESS = "export:progress";

/** EVENT_EVIDENCE_DROPPED: the event Go sends with a DropResult after files are dropped on the window (Go: app.EvidenceDroppedEvent). */
export const EVENT_EVIDENCE_DROPPED = "evidence:dropped";

/** EVENT_LOCKED: the event Go sends when the portfolio locked itself (Go: app.EventLocked). */
export const EVENT_LOCKED = "data:locked";

/** EVENT_SNAPSHOT: the event Go sends with the BackupFile of a snapshot it took (Go: app.EventSnapshot). */
export const EVENT_SNAPSHOT = "data:snapshot";

/** EVENT_SNAPSHOT_FAILED: the event Go sends with the error of a snapshot it could not take (Go: app.EventSnapshotFailed). */
export const EVENT_SNAPSHOT_FAILED = "data:snapshot-failed";

/** EVENT_SESSION_CHANGED: the event Go sends with the new State when another launch asked for a portfolio (Go: app.EventSessionChanged). */
export const EVENT_SESSION_CHANGED = "session:changed";

/** EVENT_CLOSE_REQUESTED: the event Go sends when the learner closes the window while a form holds unsaved changes (Go: app.EventCloseRequested). */
export const EVENT_CLOSE_REQUESTED = "window:close-requested";

/** EVENT_OUTCOMES_DROPPED: the event Go sends with the preview of an outcomes file dropped on the window (Go: app.OutcomesDroppedEvent). */
export const EVENT_OUTCOMES_DROPPED = "outcomes:dropped";

/** EVENT_COMMENTS_DROPPED: the event Go sends with a CommentsDrop after a comments file is dropped on the window (Go: app.CommentsDroppedEvent). */
export const EVENT_COMMENTS_DROPPED = "comments:dropped";

/** COMMENT_ANCHOR_KINDS: the kinds of item a comment can be anchored to (Go: comment.AnchorKinds). */
export const COMMENT_ANCHOR_KINDS = ["profile","experience","credential","evidence","claim","claim_rule"] as const;
/** CommentAnchorKind is one of COMMENT_ANCHOR_KINDS. */
export type CommentAnchorKind = (typeof COMMENT_ANCHOR_KINDS)[number];

/** COMMENT_STATUSES: the states a learner can put a comment in (Go: comment.Statuses); each one's label is the message CommentStatus<Item>. */
export const COMMENT_STATUSES = ["open","done","dismissed"] as const;
/** CommentStatus is one of COMMENT_STATUSES. */
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** COMMENT_ITEM_STATES: how an item stands against the comment made on it (Go: comment.ItemCurrent, ItemChanged, ItemDeleted); each one's label is the message CommentItem<Item>. */
export const COMMENT_ITEM_STATES = ["current","changed","deleted"] as const;
/** CommentItemState is one of COMMENT_ITEM_STATES. */
export type CommentItemState = (typeof COMMENT_ITEM_STATES)[number];

/** SHARE_LARGE_FILE_BYTES: evidence files above this size are left out of a shared copy when the learner asks (Go: share.LargeFile). */
export const SHARE_LARGE_FILE_BYTES = 10485760;
