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

export namespace settings {
	
	export class Profile {
	    id: string;
	    name: string;
	    host: string;
	    serverType: string;
	    port: number;
	    instanceId: string;
	    https: boolean;
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

