export namespace app {
	
	export class Cohort {
	    folder: string;
	    learners: share.Learner[];
	
	    static createFrom(source: any = {}) {
	        return new Cohort(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.folder = source["folder"];
	        this.learners = this.convertValues(source["learners"], share.Learner);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CredentialFile {
	    name: string;
	    status: string;
	    format: string;
	    message: string;
	    messageId: string;
	    args: {[key: string]: any};
	    credentials: portfolio.Credential[];
	
	    static createFrom(source: any = {}) {
	        return new CredentialFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.status = source["status"];
	        this.format = source["format"];
	        this.message = source["message"];
	        this.messageId = source["messageId"];
	        this.args = source["args"];
	        this.credentials = this.convertValues(source["credentials"], portfolio.Credential);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OutcomesFile {
	    id: number;
	    name: string;
	    preview: plar.Preview;
	
	    static createFrom(source: any = {}) {
	        return new OutcomesFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.preview = this.convertValues(source["preview"], plar.Preview);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PortfolioFile {
	    path: string;
	    name: string;
	    modified: string;
	
	    static createFrom(source: any = {}) {
	        return new PortfolioFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.name = source["name"];
	        this.modified = source["modified"];
	    }
	}
	export class State {
	    open: boolean;
	    current: PortfolioFile;
	    language: string;
	    portfolios: PortfolioFile[];
	    dataDir: string;
	    requested: PortfolioFile;
	    notice: string;
	    coach: boolean;
	    share: portfolio.ShareInfo;
	    coachName: string;
	
	    static createFrom(source: any = {}) {
	        return new State(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.open = source["open"];
	        this.current = this.convertValues(source["current"], PortfolioFile);
	        this.language = source["language"];
	        this.portfolios = this.convertValues(source["portfolios"], PortfolioFile);
	        this.dataDir = source["dataDir"];
	        this.requested = this.convertValues(source["requested"], PortfolioFile);
	        this.notice = source["notice"];
	        this.coach = source["coach"];
	        this.share = this.convertValues(source["share"], portfolio.ShareInfo);
	        this.coachName = source["coachName"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace comment {
	
	export class Anchor {
	    kind: string;
	    id: number;
	    rule: string;
	
	    static createFrom(source: any = {}) {
	        return new Anchor(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.rule = source["rule"];
	    }
	}
	export class Comment {
	    id: string;
	    shareId: string;
	    anchor: Anchor;
	    fingerprint: string;
	    authorKind: string;
	    authorName: string;
	    createdAt: string;
	    text: string;
	    suggestedAction: string;
	    replyTo: string;
	    status: string;
	    item: string;
	
	    static createFrom(source: any = {}) {
	        return new Comment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.shareId = source["shareId"];
	        this.anchor = this.convertValues(source["anchor"], Anchor);
	        this.fingerprint = source["fingerprint"];
	        this.authorKind = source["authorKind"];
	        this.authorName = source["authorName"];
	        this.createdAt = source["createdAt"];
	        this.text = source["text"];
	        this.suggestedAction = source["suggestedAction"];
	        this.replyTo = source["replyTo"];
	        this.status = source["status"];
	        this.item = source["item"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportResult {
	    coachName: string;
	    added: number;
	    already: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.coachName = source["coachName"];
	        this.added = source["added"];
	        this.already = source["already"];
	    }
	}
	export class New {
	    anchor: Anchor;
	    text: string;
	    suggestedAction: string;
	    replyTo: string;
	
	    static createFrom(source: any = {}) {
	        return new New(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.anchor = this.convertValues(source["anchor"], Anchor);
	        this.text = source["text"];
	        this.suggestedAction = source["suggestedAction"];
	        this.replyTo = source["replyTo"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Thread {
	    anchor: Anchor;
	    item: string;
	    open: number;
	    comments: Comment[];
	
	    static createFrom(source: any = {}) {
	        return new Thread(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.anchor = this.convertValues(source["anchor"], Anchor);
	        this.item = source["item"];
	        this.open = source["open"];
	        this.comments = this.convertValues(source["comments"], Comment);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class WriteResult {
	    path: string;
	    comments: number;
	
	    static createFrom(source: any = {}) {
	        return new WriteResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.comments = source["comments"];
	    }
	}

}

export namespace impact {
	
	export class Cell {
	    key: string;
	    labelId: string;
	    count: number;
	    suppressed: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Cell(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.labelId = source["labelId"];
	        this.count = source["count"];
	        this.suppressed = source["suppressed"];
	    }
	}
	export class XAPIWithheld {
	    statements: number;
	    attributes: number;
	
	    static createFrom(source: any = {}) {
	        return new XAPIWithheld(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.statements = source["statements"];
	        this.attributes = source["attributes"];
	    }
	}
	export class Report {
	    folder: string;
	    program: string;
	    programs: string[];
	    files: number;
	    skipped: string[];
	    learners: number;
	    learnersSuppressed: boolean;
	    minCell: number;
	    byType: Cell[];
	    byMonths: Cell[];
	    byRegion: Cell[];
	    bySelfId: Cell[];
	    medianMonths: number;
	    medianLearners: number;
	    medianSuppressed: boolean;
	    suppressed: number;
	    xapiWithheld: XAPIWithheld;
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.folder = source["folder"];
	        this.program = source["program"];
	        this.programs = source["programs"];
	        this.files = source["files"];
	        this.skipped = source["skipped"];
	        this.learners = source["learners"];
	        this.learnersSuppressed = source["learnersSuppressed"];
	        this.minCell = source["minCell"];
	        this.byType = this.convertValues(source["byType"], Cell);
	        this.byMonths = this.convertValues(source["byMonths"], Cell);
	        this.byRegion = this.convertValues(source["byRegion"], Cell);
	        this.bySelfId = this.convertValues(source["bySelfId"], Cell);
	        this.medianMonths = source["medianMonths"];
	        this.medianLearners = source["medianLearners"];
	        this.medianSuppressed = source["medianSuppressed"];
	        this.suppressed = source["suppressed"];
	        this.xapiWithheld = this.convertValues(source["xapiWithheld"], XAPIWithheld);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace plar {
	
	export class Step {
	    messageId: string;
	    args: {[key: string]: any};
	
	    static createFrom(source: any = {}) {
	        return new Step(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.messageId = source["messageId"];
	        this.args = source["args"];
	    }
	}
	export class RuleResult {
	    rule: string;
	    met: boolean;
	    steps: Step[];
	
	    static createFrom(source: any = {}) {
	        return new RuleResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rule = source["rule"];
	        this.met = source["met"];
	        this.steps = this.convertValues(source["steps"], Step);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Assessment {
	    outcomeId: number;
	    rules: RuleResult[];
	    ready: boolean;
	    words: number;
	
	    static createFrom(source: any = {}) {
	        return new Assessment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.outcomeId = source["outcomeId"];
	        this.rules = this.convertValues(source["rules"], RuleResult);
	        this.ready = source["ready"];
	        this.words = source["words"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class EvidenceLink {
	    evidenceId: number;
	    relevance: string;
	
	    static createFrom(source: any = {}) {
	        return new EvidenceLink(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.evidenceId = source["evidenceId"];
	        this.relevance = source["relevance"];
	    }
	}
	export class Claim {
	    id: number;
	    outcomeId: number;
	    rating: number;
	    narrativeEn: string;
	    narrativeFr: string;
	    currencyNote: string;
	    experienceIds: number[];
	    credentialIds: number[];
	    evidence: EvidenceLink[];
	
	    static createFrom(source: any = {}) {
	        return new Claim(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.outcomeId = source["outcomeId"];
	        this.rating = source["rating"];
	        this.narrativeEn = source["narrativeEn"];
	        this.narrativeFr = source["narrativeFr"];
	        this.currencyNote = source["currencyNote"];
	        this.experienceIds = source["experienceIds"];
	        this.credentialIds = source["credentialIds"];
	        this.evidence = this.convertValues(source["evidence"], EvidenceLink);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Columns {
	    code: number;
	    en: number;
	    fr: number;
	
	    static createFrom(source: any = {}) {
	        return new Columns(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.en = source["en"];
	        this.fr = source["fr"];
	    }
	}
	
	export class GuideStep {
	    id: string;
	    done: boolean;
	    current: boolean;
	
	    static createFrom(source: any = {}) {
	        return new GuideStep(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.done = source["done"];
	        this.current = source["current"];
	    }
	}
	export class Match {
	    kind: string;
	    id: number;
	    title: string;
	    words: string[];
	
	    static createFrom(source: any = {}) {
	        return new Match(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.title = source["title"];
	        this.words = source["words"];
	    }
	}
	export class Outcome {
	    id: number;
	    targetId: number;
	    code: string;
	    textEn: string;
	    textFr: string;
	
	    static createFrom(source: any = {}) {
	        return new Outcome(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.targetId = source["targetId"];
	        this.code = source["code"];
	        this.textEn = source["textEn"];
	        this.textFr = source["textFr"];
	    }
	}
	export class OutcomeReadiness {
	    outcome: Outcome;
	    status: string;
	    claim?: Claim;
	    assessment?: Assessment;
	    matches: Match[];
	
	    static createFrom(source: any = {}) {
	        return new OutcomeReadiness(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.outcome = this.convertValues(source["outcome"], Outcome);
	        this.status = source["status"];
	        this.claim = this.convertValues(source["claim"], Claim);
	        this.assessment = this.convertValues(source["assessment"], Assessment);
	        this.matches = this.convertValues(source["matches"], Match);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Preview {
	    format: string;
	    header: string[];
	    rows: string[][];
	    count: number;
	    guess: Columns;
	
	    static createFrom(source: any = {}) {
	        return new Preview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.header = source["header"];
	        this.rows = source["rows"];
	        this.count = source["count"];
	        this.guess = this.convertValues(source["guess"], Columns);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ToDo {
	    outcomeId: number;
	    outcomeCode: string;
	    step: Step;
	
	    static createFrom(source: any = {}) {
	        return new ToDo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.outcomeId = source["outcomeId"];
	        this.outcomeCode = source["outcomeCode"];
	        this.step = this.convertValues(source["step"], Step);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Target {
	    id: number;
	    name: string;
	    institution: string;
	    program: string;
	    courseCode: string;
	    courseTitle: string;
	    language: string;
	    currencyYears: number;
	    methods: string[];
	    methodsNotes: string;
	    outcomes: Outcome[];
	
	    static createFrom(source: any = {}) {
	        return new Target(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.institution = source["institution"];
	        this.program = source["program"];
	        this.courseCode = source["courseCode"];
	        this.courseTitle = source["courseTitle"];
	        this.language = source["language"];
	        this.currencyYears = source["currencyYears"];
	        this.methods = source["methods"];
	        this.methodsNotes = source["methodsNotes"];
	        this.outcomes = this.convertValues(source["outcomes"], Outcome);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Readiness {
	    target: Target;
	    outcomes: OutcomeReadiness[];
	    total: number;
	    claimed: number;
	    ready: number;
	    toDo: ToDo[];
	    filesCheckedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Readiness(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.target = this.convertValues(source["target"], Target);
	        this.outcomes = this.convertValues(source["outcomes"], OutcomeReadiness);
	        this.total = source["total"];
	        this.claimed = source["claimed"];
	        this.ready = source["ready"];
	        this.toDo = this.convertValues(source["toDo"], ToDo);
	        this.filesCheckedAt = source["filesCheckedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	

}

export namespace portfolio {
	
	export class Alignment {
	    framework: string;
	    code: string;
	    name: string;
	    url: string;
	
	    static createFrom(source: any = {}) {
	        return new Alignment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.framework = source["framework"];
	        this.code = source["code"];
	        this.name = source["name"];
	        this.url = source["url"];
	    }
	}
	export class BackupFile {
	    path: string;
	    kind: string;
	    taken: string;
	    size: number;
	
	    static createFrom(source: any = {}) {
	        return new BackupFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.kind = source["kind"];
	        this.taken = source["taken"];
	        this.size = source["size"];
	    }
	}
	export class Consent {
	    id: number;
	    program: string;
	    homePage: string;
	    pseudonym: string;
	    region: string;
	    selfId: string[];
	    on: boolean;
	    givenOn: string;
	    revokedOn: string;
	    lastSharedOn: string;
	
	    static createFrom(source: any = {}) {
	        return new Consent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.program = source["program"];
	        this.homePage = source["homePage"];
	        this.pseudonym = source["pseudonym"];
	        this.region = source["region"];
	        this.selfId = source["selfId"];
	        this.on = source["on"];
	        this.givenOn = source["givenOn"];
	        this.revokedOn = source["revokedOn"];
	        this.lastSharedOn = source["lastSharedOn"];
	    }
	}
	export class VerificationCheck {
	    scope: string;
	    check: string;
	    state: string;
	    reason: string;
	    args: {[key: string]: string};
	
	    static createFrom(source: any = {}) {
	        return new VerificationCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scope = source["scope"];
	        this.check = source["check"];
	        this.state = source["state"];
	        this.reason = source["reason"];
	        this.args = source["args"];
	    }
	}
	export class Verification {
	    checkedAt: string;
	    contexts: string;
	    key: string;
	    keySource: string;
	    checks: VerificationCheck[];
	
	    static createFrom(source: any = {}) {
	        return new Verification(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.checkedAt = source["checkedAt"];
	        this.contexts = source["contexts"];
	        this.key = source["key"];
	        this.keySource = source["keySource"];
	        this.checks = this.convertValues(source["checks"], VerificationCheck);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CredentialImport {
	    format: string;
	    key: string;
	    group: string;
	    issuerId: string;
	    descriptionEn: string;
	    descriptionFr: string;
	    criteria: string;
	    alignments: Alignment[];
	    verification: Verification;
	    evidenceId: number;
	    sha256: string;
	    importedAt: string;
	    fixed: string[];
	
	    static createFrom(source: any = {}) {
	        return new CredentialImport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.key = source["key"];
	        this.group = source["group"];
	        this.issuerId = source["issuerId"];
	        this.descriptionEn = source["descriptionEn"];
	        this.descriptionFr = source["descriptionFr"];
	        this.criteria = source["criteria"];
	        this.alignments = this.convertValues(source["alignments"], Alignment);
	        this.verification = this.convertValues(source["verification"], Verification);
	        this.evidenceId = source["evidenceId"];
	        this.sha256 = source["sha256"];
	        this.importedAt = source["importedAt"];
	        this.fixed = source["fixed"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Credential {
	    id: number;
	    titleEn: string;
	    titleFr: string;
	    issuer: string;
	    issuedOn: string;
	    expiresOn: string;
	    competencies: string[];
	    assessmentMethod: string;
	    hours: number;
	    creditValue: string;
	    verification: string;
	    import?: CredentialImport;
	
	    static createFrom(source: any = {}) {
	        return new Credential(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.titleEn = source["titleEn"];
	        this.titleFr = source["titleFr"];
	        this.issuer = source["issuer"];
	        this.issuedOn = source["issuedOn"];
	        this.expiresOn = source["expiresOn"];
	        this.competencies = source["competencies"];
	        this.assessmentMethod = source["assessmentMethod"];
	        this.hours = source["hours"];
	        this.creditValue = source["creditValue"];
	        this.verification = source["verification"];
	        this.import = this.convertValues(source["import"], CredentialImport);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Evidence {
	    id: number;
	    sha256: string;
	    mediaType: string;
	    size: number;
	    originalName: string;
	    titleEn: string;
	    titleFr: string;
	    kind: string;
	    date: string;
	    verifierName: string;
	    verifierRole: string;
	    verifierContact: string;
	    hasPreview: boolean;
	    addedAt: string;
	    experienceIds: number[];
	    credentialIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new Evidence(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sha256 = source["sha256"];
	        this.mediaType = source["mediaType"];
	        this.size = source["size"];
	        this.originalName = source["originalName"];
	        this.titleEn = source["titleEn"];
	        this.titleFr = source["titleFr"];
	        this.kind = source["kind"];
	        this.date = source["date"];
	        this.verifierName = source["verifierName"];
	        this.verifierRole = source["verifierRole"];
	        this.verifierContact = source["verifierContact"];
	        this.hasPreview = source["hasPreview"];
	        this.addedAt = source["addedAt"];
	        this.experienceIds = source["experienceIds"];
	        this.credentialIds = source["credentialIds"];
	    }
	}
	export class Experience {
	    id: number;
	    kind: string;
	    titleEn: string;
	    titleFr: string;
	    organisation: string;
	    place: string;
	    startMonth: string;
	    endMonth: string;
	    hours: number;
	    descriptionEn: string;
	    descriptionFr: string;
	    skills: string[];
	
	    static createFrom(source: any = {}) {
	        return new Experience(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.titleEn = source["titleEn"];
	        this.titleFr = source["titleFr"];
	        this.organisation = source["organisation"];
	        this.place = source["place"];
	        this.startMonth = source["startMonth"];
	        this.endMonth = source["endMonth"];
	        this.hours = source["hours"];
	        this.descriptionEn = source["descriptionEn"];
	        this.descriptionFr = source["descriptionFr"];
	        this.skills = source["skills"];
	    }
	}
	export class FollowUp {
	    key: string;
	    source: string;
	    months: number;
	    elapsed: number;
	    since: string;
	    due: string;
	    title: string;
	    titleEn: string;
	    titleFr: string;
	    credentialId: number;
	    targetId: number;
	
	    static createFrom(source: any = {}) {
	        return new FollowUp(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.source = source["source"];
	        this.months = source["months"];
	        this.elapsed = source["elapsed"];
	        this.since = source["since"];
	        this.due = source["due"];
	        this.title = source["title"];
	        this.titleEn = source["titleEn"];
	        this.titleFr = source["titleFr"];
	        this.credentialId = source["credentialId"];
	        this.targetId = source["targetId"];
	    }
	}
	export class LaterOutcome {
	    id: number;
	    type: string;
	    date: string;
	    raiseRange: string;
	    note: string;
	    prompt: string;
	    credentialIds: number[];
	    claimIds: number[];
	    noteLocked: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LaterOutcome(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.type = source["type"];
	        this.date = source["date"];
	        this.raiseRange = source["raiseRange"];
	        this.note = source["note"];
	        this.prompt = source["prompt"];
	        this.credentialIds = source["credentialIds"];
	        this.claimIds = source["claimIds"];
	        this.noteLocked = source["noteLocked"];
	    }
	}
	export class SelfIdentification {
	    newcomer: boolean;
	    indigenous: boolean;
	    disability: boolean;
	    racialized: boolean;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new SelfIdentification(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.newcomer = source["newcomer"];
	        this.indigenous = source["indigenous"];
	        this.disability = source["disability"];
	        this.racialized = source["racialized"];
	        this.notes = source["notes"];
	    }
	}
	export class Learner {
	    displayName: string;
	    legalName: string;
	    preferredLanguage: string;
	    email: string;
	    phone: string;
	    community: string;
	    region: string;
	    selfId: SelfIdentification;
	    locked: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Learner(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.displayName = source["displayName"];
	        this.legalName = source["legalName"];
	        this.preferredLanguage = source["preferredLanguage"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.community = source["community"];
	        this.region = source["region"];
	        this.selfId = this.convertValues(source["selfId"], SelfIdentification);
	        this.locked = source["locked"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LockState {
	    hasPassphrase: boolean;
	    locked: boolean;
	    inactivityMinutes: number;
	
	    static createFrom(source: any = {}) {
	        return new LockState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.hasPassphrase = source["hasPassphrase"];
	        this.locked = source["locked"];
	        this.inactivityMinutes = source["inactivityMinutes"];
	    }
	}
	export class PLARDecision {
	    id: number;
	    targetId: number;
	    outcomeId: number;
	    result: string;
	    credits: number;
	    date: string;
	    note: string;
	    course: string;
	    outcomeCode: string;
	    noteLocked: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PLARDecision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.targetId = source["targetId"];
	        this.outcomeId = source["outcomeId"];
	        this.result = source["result"];
	        this.credits = source["credits"];
	        this.date = source["date"];
	        this.note = source["note"];
	        this.course = source["course"];
	        this.outcomeCode = source["outcomeCode"];
	        this.noteLocked = source["noteLocked"];
	    }
	}
	
	export class ShareInfo {
	    shareId: string;
	    portfolioId: string;
	    learnerName: string;
	    target: string;
	    sharedAt: string;
	    withContact: boolean;
	    claimsReady: number;
	    claimsClaimed: number;
	    claimsTotal: number;
	    outcomesShared: boolean;
	    outcomesReported: number;
	
	    static createFrom(source: any = {}) {
	        return new ShareInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.shareId = source["shareId"];
	        this.portfolioId = source["portfolioId"];
	        this.learnerName = source["learnerName"];
	        this.target = source["target"];
	        this.sharedAt = source["sharedAt"];
	        this.withContact = source["withContact"];
	        this.claimsReady = source["claimsReady"];
	        this.claimsClaimed = source["claimsClaimed"];
	        this.claimsTotal = source["claimsTotal"];
	        this.outcomesShared = source["outcomesShared"];
	        this.outcomesReported = source["outcomesReported"];
	    }
	}
	export class SupportNote {
	    id: number;
	    category: string;
	    date: string;
	    provider: string;
	    text: string;
	    followUp: string;
	    shareWithCoach: boolean;
	    includeInSubmission: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SupportNote(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.category = source["category"];
	        this.date = source["date"];
	        this.provider = source["provider"];
	        this.text = source["text"];
	        this.followUp = source["followUp"];
	        this.shareWithCoach = source["shareWithCoach"];
	        this.includeInSubmission = source["includeInSubmission"];
	    }
	}
	

}

export namespace share {
	
	export class File {
	    evidenceId: number;
	    title: string;
	    sha256: string;
	    size: number;
	    leftOut: boolean;
	
	    static createFrom(source: any = {}) {
	        return new File(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.evidenceId = source["evidenceId"];
	        this.title = source["title"];
	        this.sha256 = source["sha256"];
	        this.size = source["size"];
	        this.leftOut = source["leftOut"];
	    }
	}
	export class Note {
	    id: number;
	    category: string;
	    date: string;
	    provider: string;
	
	    static createFrom(source: any = {}) {
	        return new Note(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.category = source["category"];
	        this.date = source["date"];
	        this.provider = source["provider"];
	    }
	}
	export class Counts {
	    experiences: number;
	    credentials: number;
	    evidence: number;
	    targets: number;
	    claims: number;
	    supportNotes: number;
	    comments: number;
	
	    static createFrom(source: any = {}) {
	        return new Counts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.experiences = source["experiences"];
	        this.credentials = source["credentials"];
	        this.evidence = source["evidence"];
	        this.targets = source["targets"];
	        this.claims = source["claims"];
	        this.supportNotes = source["supportNotes"];
	        this.comments = source["comments"];
	    }
	}
	export class Field {
	    name: string;
	    included: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Field(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.included = source["included"];
	    }
	}
	export class Contents {
	    learnerName: string;
	    profile: Field[];
	    counts: Counts;
	    notes: Note[];
	    privateNotes: number;
	    files: File[];
	    leftOut: number;
	    leftOutBytes: number;
	    fileBytes: number;
	    totalBytes: number;
	
	    static createFrom(source: any = {}) {
	        return new Contents(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.learnerName = source["learnerName"];
	        this.profile = this.convertValues(source["profile"], Field);
	        this.counts = this.convertValues(source["counts"], Counts);
	        this.notes = this.convertValues(source["notes"], Note);
	        this.privateNotes = source["privateNotes"];
	        this.files = this.convertValues(source["files"], File);
	        this.leftOut = source["leftOut"];
	        this.leftOutBytes = source["leftOutBytes"];
	        this.fileBytes = source["fileBytes"];
	        this.totalBytes = source["totalBytes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class Learner {
	    path: string;
	    fileName: string;
	    learnerName: string;
	    target: string;
	    claimsReady: number;
	    claimsClaimed: number;
	    claimsTotal: number;
	    openComments: number;
	    outcomesShared: boolean;
	    outcomesReported: number;
	    sharedAt: string;
	    unreadable: boolean;
	    problem: string;
	
	    static createFrom(source: any = {}) {
	        return new Learner(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.fileName = source["fileName"];
	        this.learnerName = source["learnerName"];
	        this.target = source["target"];
	        this.claimsReady = source["claimsReady"];
	        this.claimsClaimed = source["claimsClaimed"];
	        this.claimsTotal = source["claimsTotal"];
	        this.openComments = source["openComments"];
	        this.outcomesShared = source["outcomesShared"];
	        this.outcomesReported = source["outcomesReported"];
	        this.sharedAt = source["sharedAt"];
	        this.unreadable = source["unreadable"];
	        this.problem = source["problem"];
	    }
	}
	
	export class Options {
	    withContact: boolean;
	    withoutLargeFiles: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Options(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.withContact = source["withContact"];
	        this.withoutLargeFiles = source["withoutLargeFiles"];
	    }
	}
	export class Result {
	    path: string;
	    size: number;
	    shareId: string;
	    contents: Contents;
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.size = source["size"];
	        this.shareId = source["shareId"];
	        this.contents = this.convertValues(source["contents"], Contents);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace submission {
	
	export class Request {
	    targetId: number;
	    language: string;
	    includeSharedNotes: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Request(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.targetId = source["targetId"];
	        this.language = source["language"];
	        this.includeSharedNotes = source["includeSharedNotes"];
	    }
	}
	export class Result {
	    path: string;
	    pages: number;
	    size: number;
	    documentId: string;
	    attached: number;
	    notAttached: string[];
	    notReproduced: string[];
	    changed: string[];
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.pages = source["pages"];
	        this.size = source["size"];
	        this.documentId = source["documentId"];
	        this.attached = source["attached"];
	        this.notAttached = source["notAttached"];
	        this.notReproduced = source["notReproduced"];
	        this.changed = source["changed"];
	    }
	}

}

