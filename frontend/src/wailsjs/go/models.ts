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
	export class ActivationInput {
	    activationId: string;
	    count: string;
	
	    static createFrom(source: any = {}) {
	        return new ActivationInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.activationId = source["activationId"];
	        this.count = source["count"];
	    }
	}
	export class ActivationOutcome {
	    activationId: string;
	    ok: boolean;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new ActivationOutcome(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.activationId = source["activationId"];
	        this.ok = source["ok"];
	        this.message = source["message"];
	    }
	}
	export class BrandingView {
	    logoDataUrl: string;
	    nav?: branding.Nav;
	    problems: string[];
	    dir: string;
	
	    static createFrom(source: any = {}) {
	        return new BrandingView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.logoDataUrl = source["logoDataUrl"];
	        this.nav = this.convertValues(source["nav"], branding.Nav);
	        this.problems = source["problems"];
	        this.dir = source["dir"];
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
	export class ChosenFile {
	    path: string;
	    name: string;
	    bytes: number;
	    digest: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new ChosenFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.name = source["name"];
	        this.bytes = source["bytes"];
	        this.digest = source["digest"];
	        this.note = source["note"];
	    }
	}
	export class ModelCheck {
	    valid: boolean;
	    modelName: string;
	    diagnostics: modeldef.Diagnostic[];
	    preview: modeldef.PoolAllocation[];
	
	    static createFrom(source: any = {}) {
	        return new ModelCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.valid = source["valid"];
	        this.modelName = source["modelName"];
	        this.diagnostics = this.convertValues(source["diagnostics"], modeldef.Diagnostic);
	        this.preview = this.convertValues(source["preview"], modeldef.PoolAllocation);
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
	export class ChosenModel {
	    path: string;
	    name: string;
	    text: string;
	    check: ModelCheck;
	
	    static createFrom(source: any = {}) {
	        return new ChosenModel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.name = source["name"];
	        this.text = source["text"];
	        this.check = this.convertValues(source["check"], ModelCheck);
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
	export class ConsumedFeature {
	    feature: string;
	    version: string;
	    count: number;
	    expiry: string;
	
	    static createFrom(source: any = {}) {
	        return new ConsumedFeature(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.feature = source["feature"];
	        this.version = source["version"];
	        this.count = source["count"];
	        this.expiry = source["expiry"];
	    }
	}
	export class GroupResult {
	    group: string;
	    id?: number;
	    ok: boolean;
	    code?: string;
	    message?: string;
	
	    static createFrom(source: any = {}) {
	        return new GroupResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group = source["group"];
	        this.id = source["id"];
	        this.ok = source["ok"];
	        this.code = source["code"];
	        this.message = source["message"];
	    }
	}
	export class DeleteReport {
	    results: GroupResult[];
	    deleted: number;
	    failed: number;
	
	    static createFrom(source: any = {}) {
	        return new DeleteReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.results = this.convertValues(source["results"], GroupResult);
	        this.deleted = source["deleted"];
	        this.failed = source["failed"];
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
	export class DeviceDetail {
	    id: number;
	    deviceId: string;
	    idType: string;
	    deviceType: string;
	    alias: string;
	    status: string;
	    expiry: string;
	    expiringSoon: boolean;
	    updated: string;
	    hostType: string;
	    serverHostId: string;
	    correlationId: string;
	    trusted: boolean;
	    requestOperation: string;
	    deviceExpiry: string;
	    consumed: ConsumedFeature[];
	
	    static createFrom(source: any = {}) {
	        return new DeviceDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.deviceId = source["deviceId"];
	        this.idType = source["idType"];
	        this.deviceType = source["deviceType"];
	        this.alias = source["alias"];
	        this.status = source["status"];
	        this.expiry = source["expiry"];
	        this.expiringSoon = source["expiringSoon"];
	        this.updated = source["updated"];
	        this.hostType = source["hostType"];
	        this.serverHostId = source["serverHostId"];
	        this.correlationId = source["correlationId"];
	        this.trusted = source["trusted"];
	        this.requestOperation = source["requestOperation"];
	        this.deviceExpiry = source["deviceExpiry"];
	        this.consumed = this.convertValues(source["consumed"], ConsumedFeature);
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
	export class DeviceRow {
	    id: number;
	    deviceId: string;
	    idType: string;
	    deviceType: string;
	    alias: string;
	    status: string;
	    expiry: string;
	    expiringSoon: boolean;
	    updated: string;
	
	    static createFrom(source: any = {}) {
	        return new DeviceRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.deviceId = source["deviceId"];
	        this.idType = source["idType"];
	        this.deviceType = source["deviceType"];
	        this.alias = source["alias"];
	        this.status = source["status"];
	        this.expiry = source["expiry"];
	        this.expiringSoon = source["expiringSoon"];
	        this.updated = source["updated"];
	    }
	}
	export class DevicesPage {
	    rows: DeviceRow[];
	    total: number;
	    page: number;
	    pages: number;
	    loadedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new DevicesPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], DeviceRow);
	        this.total = source["total"];
	        this.page = source["page"];
	        this.pages = source["pages"];
	        this.loadedAt = source["loadedAt"];
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
	export class EditReport {
	    replaced: boolean;
	    restored: boolean;
	    group: reservations.Group;
	    message: string;
	    originalJson?: string;
	
	    static createFrom(source: any = {}) {
	        return new EditReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.replaced = source["replaced"];
	        this.restored = source["restored"];
	        this.group = this.convertValues(source["group"], reservations.Group);
	        this.message = source["message"];
	        this.originalJson = source["originalJson"];
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
	export class ServedDeviceRow {
	    deviceId: string;
	    idType: string;
	    deviceType: string;
	    alias: string;
	    served: number;
	    expiry: string;
	
	    static createFrom(source: any = {}) {
	        return new ServedDeviceRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.deviceId = source["deviceId"];
	        this.idType = source["idType"];
	        this.deviceType = source["deviceType"];
	        this.alias = source["alias"];
	        this.served = source["served"];
	        this.expiry = source["expiry"];
	    }
	}
	export class FeatureDetail {
	    id: number;
	    feature: string;
	    version: string;
	    startDate: string;
	    totalCount: number;
	    available: number;
	    used: number;
	    reserved: number;
	    uncounted: boolean;
	    vendorString: string;
	    expiry: string;
	    permanent: boolean;
	    expiringSoon: boolean;
	    servedDevices: ServedDeviceRow[];
	
	    static createFrom(source: any = {}) {
	        return new FeatureDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.feature = source["feature"];
	        this.version = source["version"];
	        this.startDate = source["startDate"];
	        this.totalCount = source["totalCount"];
	        this.available = source["available"];
	        this.used = source["used"];
	        this.reserved = source["reserved"];
	        this.uncounted = source["uncounted"];
	        this.vendorString = source["vendorString"];
	        this.expiry = source["expiry"];
	        this.permanent = source["permanent"];
	        this.expiringSoon = source["expiringSoon"];
	        this.servedDevices = this.convertValues(source["servedDevices"], ServedDeviceRow);
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
	export class FeatureRow {
	    id: number;
	    feature: string;
	    version: string;
	    count: number;
	    used: number;
	    available: number;
	    uncounted: boolean;
	    expiry: string;
	    permanent: boolean;
	    expiringSoon: boolean;
	    startDate: string;
	    vendorString: string;
	    productName: string;
	    activationId: string;
	    entitlementId: string;
	    productVersion: string;
	    metered: boolean;
	
	    static createFrom(source: any = {}) {
	        return new FeatureRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.feature = source["feature"];
	        this.version = source["version"];
	        this.count = source["count"];
	        this.used = source["used"];
	        this.available = source["available"];
	        this.uncounted = source["uncounted"];
	        this.expiry = source["expiry"];
	        this.permanent = source["permanent"];
	        this.expiringSoon = source["expiringSoon"];
	        this.startDate = source["startDate"];
	        this.vendorString = source["vendorString"];
	        this.productName = source["productName"];
	        this.activationId = source["activationId"];
	        this.entitlementId = source["entitlementId"];
	        this.productVersion = source["productVersion"];
	        this.metered = source["metered"];
	    }
	}
	export class FeatureDetailsPage {
	    rows: FeatureRow[];
	    total: number;
	    page: number;
	    pages: number;
	    productInfo: boolean;
	    serverVersion: string;
	    loadedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new FeatureDetailsPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], FeatureRow);
	        this.total = source["total"];
	        this.page = source["page"];
	        this.pages = source["pages"];
	        this.productInfo = source["productInfo"];
	        this.serverVersion = source["serverVersion"];
	        this.loadedAt = source["loadedAt"];
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
	export class FeatureOption {
	    name: string;
	    versions: string[];
	
	    static createFrom(source: any = {}) {
	        return new FeatureOption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.versions = source["versions"];
	    }
	}
	
	export class FeatureSummaryRow {
	    name: string;
	    version: string;
	    records: number;
	    totalCount: number;
	    totalUsed: number;
	    totalAvailable: number;
	    firstExpiration: string;
	    lastExpiration: string;
	    totalOverdraft: number;
	    metered: boolean;
	    counted: boolean;
	    expiringSoon: boolean;
	
	    static createFrom(source: any = {}) {
	        return new FeatureSummaryRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.version = source["version"];
	        this.records = source["records"];
	        this.totalCount = source["totalCount"];
	        this.totalUsed = source["totalUsed"];
	        this.totalAvailable = source["totalAvailable"];
	        this.firstExpiration = source["firstExpiration"];
	        this.lastExpiration = source["lastExpiration"];
	        this.totalOverdraft = source["totalOverdraft"];
	        this.metered = source["metered"];
	        this.counted = source["counted"];
	        this.expiringSoon = source["expiringSoon"];
	    }
	}
	export class FeatureSummaryPage {
	    rows: FeatureSummaryRow[];
	    total: number;
	    page: number;
	    pages: number;
	    source: string;
	    loadedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new FeatureSummaryPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], FeatureSummaryRow);
	        this.total = source["total"];
	        this.page = source["page"];
	        this.pages = source["pages"];
	        this.source = source["source"];
	        this.loadedAt = source["loadedAt"];
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
	
	export class GroupMessage {
	    group: string;
	    message: string;
	    originalJson?: string;
	
	    static createFrom(source: any = {}) {
	        return new GroupMessage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group = source["group"];
	        this.message = source["message"];
	        this.originalJson = source["originalJson"];
	    }
	}
	
	export class HostIDOption {
	    type: string;
	    value: string;
	    setting: string;
	
	    static createFrom(source: any = {}) {
	        return new HostIDOption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.value = source["value"];
	        this.setting = source["setting"];
	    }
	}
	export class ImportPreviewResult {
	    preview: reservations.ImportPreview;
	    token: string;
	    fileName: string;
	    cancelled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportPreviewResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.preview = this.convertValues(source["preview"], reservations.ImportPreview);
	        this.token = source["token"];
	        this.fileName = source["fileName"];
	        this.cancelled = source["cancelled"];
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
	export class ImportReport {
	    imported: number;
	    replaced: number;
	    skipped: number;
	    skippedGroups: GroupMessage[];
	    failed: GroupMessage[];
	
	    static createFrom(source: any = {}) {
	        return new ImportReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.imported = source["imported"];
	        this.replaced = source["replaced"];
	        this.skipped = source["skipped"];
	        this.skippedGroups = this.convertValues(source["skippedGroups"], GroupMessage);
	        this.failed = this.convertValues(source["failed"], GroupMessage);
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
	
	export class ModelView {
	    active: boolean;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new ModelView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.active = source["active"];
	        this.text = source["text"];
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
	export class PolicySetting {
	    name: string;
	    value: string;
	    description: string;
	    kind: string;
	    lockedReason: string;
	
	    static createFrom(source: any = {}) {
	        return new PolicySetting(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.value = source["value"];
	        this.description = source["description"];
	        this.kind = source["kind"];
	        this.lockedReason = source["lockedReason"];
	    }
	}
	export class PolicySection {
	    name: string;
	    settings: PolicySetting[];
	
	    static createFrom(source: any = {}) {
	        return new PolicySection(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.settings = this.convertValues(source["settings"], PolicySetting);
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
	
	export class PoolFeature {
	    feature: string;
	    version: string;
	    expiry: string;
	    allocated: number;
	    used: number;
	    uncounted: boolean;
	    requested: string;
	    status: string;
	
	    static createFrom(source: any = {}) {
	        return new PoolFeature(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.feature = source["feature"];
	        this.version = source["version"];
	        this.expiry = source["expiry"];
	        this.allocated = source["allocated"];
	        this.used = source["used"];
	        this.uncounted = source["uncounted"];
	        this.requested = source["requested"];
	        this.status = source["status"];
	    }
	}
	export class Pool {
	    id: number;
	    name: string;
	    default: boolean;
	    lastModified: string;
	    features: PoolFeature[];
	
	    static createFrom(source: any = {}) {
	        return new Pool(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.default = source["default"];
	        this.lastModified = source["lastModified"];
	        this.features = this.convertValues(source["features"], PoolFeature);
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
	
	export class PoolsView {
	    pools: Pool[];
	    modelActive: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PoolsView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pools = this.convertValues(source["pools"], Pool);
	        this.modelActive = source["modelActive"];
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
	export class PropertiesView {
	    hostIds: HostIDOption[];
	    selectedHostId: string;
	    serverVersion: string;
	    deviceUuid: string;
	    status: string;
	    sections: PolicySection[];
	    readOnly: boolean;
	    readOnlyReason: string;
	    levels: string[];
	
	    static createFrom(source: any = {}) {
	        return new PropertiesView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.hostIds = this.convertValues(source["hostIds"], HostIDOption);
	        this.selectedHostId = source["selectedHostId"];
	        this.serverVersion = source["serverVersion"];
	        this.deviceUuid = source["deviceUuid"];
	        this.status = source["status"];
	        this.sections = this.convertValues(source["sections"], PolicySection);
	        this.readOnly = source["readOnly"];
	        this.readOnlyReason = source["readOnlyReason"];
	        this.levels = source["levels"];
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
	export class ReservationGroupRef {
	    id: number;
	    name: string;
	    reservations: number;
	    entries: number;
	
	    static createFrom(source: any = {}) {
	        return new ReservationGroupRef(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.reservations = source["reservations"];
	        this.entries = source["entries"];
	    }
	}
	export class ReservationsPage {
	    rows: reservations.Row[];
	    total: number;
	    page: number;
	    pages: number;
	    loadedAt: string;
	    modelActive: boolean;
	    modelMessage?: string;
	    groups: ReservationGroupRef[];
	
	    static createFrom(source: any = {}) {
	        return new ReservationsPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], reservations.Row);
	        this.total = source["total"];
	        this.page = source["page"];
	        this.pages = source["pages"];
	        this.loadedAt = source["loadedAt"];
	        this.modelActive = source["modelActive"];
	        this.modelMessage = source["modelMessage"];
	        this.groups = this.convertValues(source["groups"], ReservationGroupRef);
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
	export class ResponseResult {
	    confirmationRequestNeeded: boolean;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new ResponseResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.confirmationRequestNeeded = source["confirmationRequestNeeded"];
	        this.message = source["message"];
	    }
	}
	export class SettingFailure {
	    name: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new SettingFailure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.message = source["message"];
	    }
	}
	export class SaveReport {
	    saved: string[];
	    failed: SettingFailure[];
	
	    static createFrom(source: any = {}) {
	        return new SaveReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.saved = source["saved"];
	        this.failed = this.convertValues(source["failed"], SettingFailure);
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
	export class SavedFile {
	    path: string;
	    bytes: number;
	    digest: string;
	
	    static createFrom(source: any = {}) {
	        return new SavedFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.bytes = source["bytes"];
	        this.digest = source["digest"];
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
	    navCollapsed: boolean;
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
	        this.navCollapsed = source["navCollapsed"];
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
	export class SubmitReport {
	    results: GroupResult[];
	    created: number;
	    failed: number;
	
	    static createFrom(source: any = {}) {
	        return new SubmitReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.results = this.convertValues(source["results"], GroupResult);
	        this.created = source["created"];
	        this.failed = source["failed"];
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
	export class SyncResult {
	    requestedAt: string;
	    answer: string;
	
	    static createFrom(source: any = {}) {
	        return new SyncResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.requestedAt = source["requestedAt"];
	        this.answer = source["answer"];
	    }
	}
	export class ValidationResult {
	    valid: boolean;
	    fields: {[key: string]: string};
	    groups: reservations.Group[];
	    modelActive: boolean;
	    modelMessage?: string;
	
	    static createFrom(source: any = {}) {
	        return new ValidationResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.valid = source["valid"];
	        this.fields = source["fields"];
	        this.groups = this.convertValues(source["groups"], reservations.Group);
	        this.modelActive = source["modelActive"];
	        this.modelMessage = source["modelMessage"];
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

export namespace branding {
	
	export class Group {
	    id: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new Group(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.label = source["label"];
	    }
	}
	export class Item {
	    id: string;
	    group: string;
	    label: string;
	    icon: string;
	    route: string;
	
	    static createFrom(source: any = {}) {
	        return new Item(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.group = source["group"];
	        this.label = source["label"];
	        this.icon = source["icon"];
	        this.route = source["route"];
	    }
	}
	export class Nav {
	    groups: Group[];
	    items: Item[];
	
	    static createFrom(source: any = {}) {
	        return new Nav(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.groups = this.convertValues(source["groups"], Group);
	        this.items = this.convertValues(source["items"], Item);
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

export namespace exchanges {
	
	export class Entry {
	    // Go type: time
	    time: any;
	    kind: string;
	    file: string;
	    bytes: number;
	    digest: string;
	    activationId?: string;
	    count?: number;
	    ok: boolean;
	    result: string;
	    confirmationNeeded?: boolean;
	    pending: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.time = this.convertValues(source["time"], null);
	        this.kind = source["kind"];
	        this.file = source["file"];
	        this.bytes = source["bytes"];
	        this.digest = source["digest"];
	        this.activationId = source["activationId"];
	        this.count = source["count"];
	        this.ok = source["ok"];
	        this.result = source["result"];
	        this.confirmationNeeded = source["confirmationNeeded"];
	        this.pending = source["pending"];
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

export namespace listing {
	
	export class Query {
	    page: number;
	    pageSize: number;
	    search: string;
	    sortBy: string;
	    sortDesc: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Query(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.page = source["page"];
	        this.pageSize = source["pageSize"];
	        this.search = source["search"];
	        this.sortBy = source["sortBy"];
	        this.sortDesc = source["sortDesc"];
	    }
	}

}

export namespace modeldef {
	
	export class Diagnostic {
	    line: number;
	    column: number;
	    endColumn?: number;
	    severity: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Diagnostic(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.column = source["column"];
	        this.endColumn = source["endColumn"];
	        this.severity = source["severity"];
	        this.message = source["message"];
	    }
	}
	export class FeatureAllocation {
	    name: string;
	    version: string;
	    requested: string;
	    count: number;
	    uncounted?: boolean;
	    short?: boolean;
	    shortfall?: number;
	    missing?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new FeatureAllocation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.version = source["version"];
	        this.requested = source["requested"];
	        this.count = source["count"];
	        this.uncounted = source["uncounted"];
	        this.short = source["short"];
	        this.shortfall = source["shortfall"];
	        this.missing = source["missing"];
	    }
	}
	export class PoolAllocation {
	    pool: string;
	    default: boolean;
	    features: FeatureAllocation[];
	
	    static createFrom(source: any = {}) {
	        return new PoolAllocation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pool = source["pool"];
	        this.default = source["default"];
	        this.features = this.convertValues(source["features"], FeatureAllocation);
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

export namespace reservations {
	
	export class Entry {
	    id?: number;
	    featureName: string;
	    featureVersion: string;
	    featureCount: number;
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.featureName = source["featureName"];
	        this.featureVersion = source["featureVersion"];
	        this.featureCount = source["featureCount"];
	    }
	}
	export class HostID {
	    value: string;
	    type: string;
	
	    static createFrom(source: any = {}) {
	        return new HostID(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.type = source["type"];
	    }
	}
	export class Reservation {
	    id?: number;
	    hostId: HostID;
	    reservationEntries: Entry[];
	
	    static createFrom(source: any = {}) {
	        return new Reservation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.hostId = this.convertValues(source["hostId"], HostID);
	        this.reservationEntries = this.convertValues(source["reservationEntries"], Entry);
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
	export class Group {
	    id?: number;
	    name: string;
	    reservations: Reservation[];
	
	    static createFrom(source: any = {}) {
	        return new Group(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.reservations = this.convertValues(source["reservations"], Reservation);
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
	export class GroupAction {
	    index: number;
	    name: string;
	    action: string;
	    reason?: string;
	    replaces?: number;
	
	    static createFrom(source: any = {}) {
	        return new GroupAction(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.index = source["index"];
	        this.name = source["name"];
	        this.action = source["action"];
	        this.reason = source["reason"];
	        this.replaces = source["replaces"];
	    }
	}
	
	export class ImportGroup {
	    group: Group;
	    location: string;
	    valid: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportGroup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group = this.convertValues(source["group"], Group);
	        this.location = source["location"];
	        this.valid = source["valid"];
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
	export class Summary {
	    toImport: number;
	    toReplace: number;
	    skipped: number;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.toImport = source["toImport"];
	        this.toReplace = source["toReplace"];
	        this.skipped = source["skipped"];
	    }
	}
	export class ImportPlan {
	    actions: GroupAction[];
	    summary: Summary;
	
	    static createFrom(source: any = {}) {
	        return new ImportPlan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.actions = this.convertValues(source["actions"], GroupAction);
	        this.summary = this.convertValues(source["summary"], Summary);
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
	export class Problem {
	    location: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.location = source["location"];
	        this.message = source["message"];
	    }
	}
	export class ImportPreview {
	    groups: ImportGroup[];
	    groupCount: number;
	    reservationCount: number;
	    entryCount: number;
	    errors: Problem[];
	    warnings: Problem[];
	    keep: ImportPlan;
	    replace: ImportPlan;
	
	    static createFrom(source: any = {}) {
	        return new ImportPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.groups = this.convertValues(source["groups"], ImportGroup);
	        this.groupCount = source["groupCount"];
	        this.reservationCount = source["reservationCount"];
	        this.entryCount = source["entryCount"];
	        this.errors = this.convertValues(source["errors"], Problem);
	        this.warnings = this.convertValues(source["warnings"], Problem);
	        this.keep = this.convertValues(source["keep"], ImportPlan);
	        this.replace = this.convertValues(source["replace"], ImportPlan);
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
	export class PendingEntry {
	    groupName: string;
	    deviceId: string;
	    idType: string;
	    featureName: string;
	    version: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new PendingEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.groupName = source["groupName"];
	        this.deviceId = source["deviceId"];
	        this.idType = source["idType"];
	        this.featureName = source["featureName"];
	        this.version = source["version"];
	        this.count = source["count"];
	    }
	}
	
	
	export class Row {
	    group: string;
	    groupId: number;
	    entryId: number;
	    deviceId: string;
	    idType: string;
	    feature: string;
	    version: string;
	    count: number;
	    status: string;
	    reason?: string;
	
	    static createFrom(source: any = {}) {
	        return new Row(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group = source["group"];
	        this.groupId = source["groupId"];
	        this.entryId = source["entryId"];
	        this.deviceId = source["deviceId"];
	        this.idType = source["idType"];
	        this.feature = source["feature"];
	        this.version = source["version"];
	        this.count = source["count"];
	        this.status = source["status"];
	        this.reason = source["reason"];
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

