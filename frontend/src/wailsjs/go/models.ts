export namespace app {
	
	export class AboutInfo {
	    build: buildinfo.Info;
	    webViewEngine: string;
	    webViewVersion: string;
	    logFolder: string;
	    settingsFile: string;
	    demoMode: boolean;
	
	    static createFrom(source: any = {}) {
	        return new AboutInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.build = this.convertValues(source["build"], buildinfo.Info);
	        this.webViewEngine = source["webViewEngine"];
	        this.webViewVersion = source["webViewVersion"];
	        this.logFolder = source["logFolder"];
	        this.settingsFile = source["settingsFile"];
	        this.demoMode = source["demoMode"];
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
	export class ConnectionInfo {
	    url: string;
	    version: string;
	    instanceId: string;
	    securityEnabled: boolean;
	    checkedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new ConnectionInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.url = source["url"];
	        this.version = source["version"];
	        this.instanceId = source["instanceId"];
	        this.securityEnabled = source["securityEnabled"];
	        this.checkedAt = source["checkedAt"];
	    }
	}
	export class Diagnostics {
	    profileName: string;
	    url: string;
	    reachable: boolean;
	    problem: string;
	    version: string;
	    instanceId: string;
	    securityEnabled: boolean;
	    loggedInAs: string;
	    roles: string[];
	    certificate?: fne.CertificateInfo;
	    endpoints: fne.ProbeResult[];
	    checkedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Diagnostics(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileName = source["profileName"];
	        this.url = source["url"];
	        this.reachable = source["reachable"];
	        this.problem = source["problem"];
	        this.version = source["version"];
	        this.instanceId = source["instanceId"];
	        this.securityEnabled = source["securityEnabled"];
	        this.loggedInAs = source["loggedInAs"];
	        this.roles = source["roles"];
	        this.certificate = this.convertValues(source["certificate"], fne.CertificateInfo);
	        this.endpoints = this.convertValues(source["endpoints"], fne.ProbeResult);
	        this.checkedAt = source["checkedAt"];
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
	export class LoginInput {
	    user: string;
	    password: string;
	    remember: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LoginInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.user = source["user"];
	        this.password = source["password"];
	        this.remember = source["remember"];
	    }
	}
	export class PasswordInput {
	    user: string;
	    current: string;
	    new: string;
	    confirm: string;
	
	    static createFrom(source: any = {}) {
	        return new PasswordInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.user = source["user"];
	        this.current = source["current"];
	        this.new = source["new"];
	        this.confirm = source["confirm"];
	    }
	}
	export class SessionState {
	    profileId: string;
	    securityKnown: boolean;
	    securityEnabled: boolean;
	    loggedIn: boolean;
	    user: string;
	    roles: string[];
	    expiresAt: string;
	    passwordChangeRequired: boolean;
	    rememberedUser: string;
	    timedOut: boolean;
	    idleTimeoutMinutes: number;
	    problem: string;
	
	    static createFrom(source: any = {}) {
	        return new SessionState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profileId = source["profileId"];
	        this.securityKnown = source["securityKnown"];
	        this.securityEnabled = source["securityEnabled"];
	        this.loggedIn = source["loggedIn"];
	        this.user = source["user"];
	        this.roles = source["roles"];
	        this.expiresAt = source["expiresAt"];
	        this.passwordChangeRequired = source["passwordChangeRequired"];
	        this.rememberedUser = source["rememberedUser"];
	        this.timedOut = source["timedOut"];
	        this.idleTimeoutMinutes = source["idleTimeoutMinutes"];
	        this.problem = source["problem"];
	    }
	}
	export class SettingsView {
	    profiles: settings.Profile[];
	    activeProfileId: string;
	    active: settings.Profile;
	    pageSize: number;
	    theme: string;
	    complete: boolean;
	    notice: string;
	
	    static createFrom(source: any = {}) {
	        return new SettingsView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profiles = this.convertValues(source["profiles"], settings.Profile);
	        this.activeProfileId = source["activeProfileId"];
	        this.active = this.convertValues(source["active"], settings.Profile);
	        this.pageSize = source["pageSize"];
	        this.theme = source["theme"];
	        this.complete = source["complete"];
	        this.notice = source["notice"];
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

export namespace buildinfo {
	
	export class Info {
	    productName: string;
	    companyName: string;
	    copyright: string;
	    comments: string;
	    version: string;
	    commit: string;
	    buildDate: string;
	    goVersion: string;
	    os: string;
	    arch: string;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.productName = source["productName"];
	        this.companyName = source["companyName"];
	        this.copyright = source["copyright"];
	        this.comments = source["comments"];
	        this.version = source["version"];
	        this.commit = source["commit"];
	        this.buildDate = source["buildDate"];
	        this.goVersion = source["goVersion"];
	        this.os = source["os"];
	        this.arch = source["arch"];
	    }
	}

}

export namespace fne {
	
	export class CertificateInfo {
	    subject: string;
	    issuer: string;
	    // Go type: time
	    notBefore: any;
	    // Go type: time
	    notAfter: any;
	    dnsNames: string[];
	    selfSigned: boolean;
	    fingerprint: string;
	    pem: string;
	
	    static createFrom(source: any = {}) {
	        return new CertificateInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.subject = source["subject"];
	        this.issuer = source["issuer"];
	        this.notBefore = this.convertValues(source["notBefore"], null);
	        this.notAfter = this.convertValues(source["notAfter"], null);
	        this.dnsNames = source["dnsNames"];
	        this.selfSigned = source["selfSigned"];
	        this.fingerprint = source["fingerprint"];
	        this.pem = source["pem"];
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
	export class ProbeResult {
	    op: string;
	    label: string;
	    path: string;
	    evidence: string;
	    outcome: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new ProbeResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.op = source["op"];
	        this.label = source["label"];
	        this.path = source["path"];
	        this.evidence = source["evidence"];
	        this.outcome = source["outcome"];
	        this.message = source["message"];
	    }
	}

}

export namespace settings {
	
	export class Profile {
	    id: string;
	    name: string;
	    host: string;
	    serverType: string;
	    port: number;
	    instanceId: string;
	    https: boolean;
	    rememberedUser?: string;
	    pinnedFingerprint?: string;
	    caFile?: string;
	    demo?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Profile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.host = source["host"];
	        this.serverType = source["serverType"];
	        this.port = source["port"];
	        this.instanceId = source["instanceId"];
	        this.https = source["https"];
	        this.rememberedUser = source["rememberedUser"];
	        this.pinnedFingerprint = source["pinnedFingerprint"];
	        this.caFile = source["caFile"];
	        this.demo = source["demo"];
	    }
	}
	export class ServerInput {
	    pageSize: number;
	    host: string;
	    serverType: string;
	    port: number;
	    instanceId: string;
	    https: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ServerInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pageSize = source["pageSize"];
	        this.host = source["host"];
	        this.serverType = source["serverType"];
	        this.port = source["port"];
	        this.instanceId = source["instanceId"];
	        this.https = source["https"];
	    }
	}

}

