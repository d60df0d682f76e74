export namespace app {
	
	export interface AboutInfo {
	    build: buildinfo.Info;
	    webViewEngine: string;
	    webViewVersion: string;
	    logFolder: string;
	    keptFolder: string;
	    settingsFile: string;
	    demoMode: boolean;
	}
	export interface AlertRow {
	    alert: history.Alert;
	    profile: string;
	}
	export interface AuditFilter {
	    from?: string | null;
	    to?: string | null;
	    profileId: string;
	    outcome: string;
	    text: string;
	}
	export interface AuditList {
	    entries: history.Entry[];
	    more: boolean;
	    limit: number;
	}
	export interface BrandingView {
	    logoDataUrl: string;
	    nav?: branding.Nav;
	    problems: string[];
	    dir: string;
	}
	export interface ChosenModel {
	    path: string;
	    name: string;
	    text: string;
	    check: operations.ModelCheck;
	}
	export interface HistoryBounds {
	    minIntervalMinutes: number;
	    maxIntervalMinutes: number;
	    minRetentionDays: number;
	    maxRetentionDays: number;
	}
	export interface ProfileHistory {
	    profileId: string;
	    name: string;
	    record: boolean;
	}
	export interface HistoryStatus {
	    available: boolean;
	    problem: string;
	    file: string;
	    input: settings.HistoryInput;
	    profiles: ProfileHistory[];
	    unseen: number;
	    bounds: HistoryBounds;
	}
	export interface PolicyView {
	    policies: orgpolicy.Policies;
	    notice: string;
	}
	
	export interface ProgressEvent {
	    op: string;
	    running: boolean;
	    step: progress.Step;
	}
	export interface SettingsView {
	    profiles: settings.Profile[];
	    activeProfileId: string;
	    active: settings.Profile;
	    connectionKey: string;
	    pageSize: number;
	    theme: settings.Theme;
	    navCollapsed: boolean;
	    complete: boolean;
	    notice: string;
	}

}

export namespace apperr {
	
	export enum Code {
	    UNREACHABLE = "unreachable",
	    TIMEOUT = "timeout",
	    TLS_UNTRUSTED = "tls_untrusted",
	    LOGIN_REQUIRED = "login_required",
	    ACCESS_DENIED = "access_denied",
	    NOT_SUPPORTED = "not_supported",
	    INVALID_INPUT = "invalid_input",
	    CONFLICT = "conflict",
	    NOT_FOUND = "not_found",
	    SERVER_ERROR = "server_error",
	    NOT_CONFIGURED = "not_configured",
	    CANCELLED = "cancelled",
	    INTERNAL = "internal",
	    OUTCOME_UNKNOWN = "outcome_unknown",
	    REDIRECTED = "redirected",
	    POLICY = "policy",
	}
	export interface Item {
	    item: string;
	    field: string;
	    code: string;
	    message: string;
	}

}

export namespace branding {
	
	export interface Group {
	    id: string;
	    label: string;
	}
	export interface Item {
	    id: string;
	    group: string;
	    label: string;
	    icon: string;
	    route: string;
	}
	export interface Nav {
	    groups: Group[];
	    items: Item[];
	}

}

export namespace buildinfo {
	
	export interface Info {
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
	}

}

export namespace collect {
	
	export enum Outcome {
	    WRITTEN = "written",
	    TAKEN = "taken",
	    UNREACHABLE = "unreachable",
	    NEEDS_LOGIN = "needs_login",
	    FAILED = "failed",
	    OFF = "off",
	}
	export interface Result {
	    profileId: string;
	    profileName: string;
	    outcome: Outcome;
	    message: string;
	    at: string;
	    opened: history.Alert[];
	    cleared: history.Alert[];
	}

}

export namespace connect {
	
	export interface ConnectionInfo {
	    url: string;
	    version: string;
	    instanceId: string;
	    securityEnabled: boolean;
	    checkedAt: string;
	    proxy: string;
	}
	export interface DemoAccount {
	    user: string;
	    password: string;
	    access: string;
	}
	export interface LoginInput {
	    user: string;
	    password: string;
	    remember: boolean;
	}
	export interface PasswordInput {
	    user: string;
	    current: string;
	    new: string;
	    confirm: string;
	}
	export interface State {
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
	    demoAccounts: DemoAccount[];
	}

}

export namespace dashboard {
	
	export interface ExpiryRow {
	    profileId: string;
	    profile: string;
	    name: string;
	    version: string;
	    seats: number;
	    rest: number;
	    uncounted: boolean;
	    restUncounted: boolean;
	    expires: string;
	    days: number;
	}
	export interface FeatureRow {
	    profileId: string;
	    profile: string;
	    name: string;
	    version: string;
	    used: number;
	    total: number;
	    utilisation: number;
	    fullSeconds: number;
	}
	export interface ProfileState {
	    profileId: string;
	    name: string;
	    active: boolean;
	    collecting: boolean;
	    note: string;
	    lastSample?: string | null;
	    reachable: boolean;
	    version: string;
	    lastReached?: string | null;
	    responseMs: number;
	    problem: string;
	    openAlerts: number;
	}
	export interface Overview {
	    profiles: ProfileState[];
	    nearCapacity: FeatureRow[];
	    fullLastWeek: FeatureRow[];
	    expiries: ExpiryRow[];
	    threshold: number;
	    generatedAt: string;
	}
	export interface Point {
	    at: string;
	    mean: number;
	    min: number;
	    max: number;
	    total: number;
	}
	
	export interface Stats {
	    peak: number;
	    mean: number;
	    p95: number;
	    fullSeconds: number;
	    coveredSeconds: number;
	}
	export interface SeriesQuery {
	    profileId: string;
	    name: string;
	    version: string;
	    from: string;
	    to: string;
	}
	export interface Series {
	    query: SeriesQuery;
	    resolution: string;
	    points: Point[];
	    stats: Stats;
	    heat: usage.HeatCell[];
	    exact: boolean;
	}
	

}

export namespace exchanges {
	
	export enum Kind {
	    CAPABILITY_REQUEST = "capability_request",
	    ACTIVATION_REQUEST = "activation_request",
	    CONFIRMATION_REQUEST = "confirmation_request",
	    RESPONSE = "response",
	}
	export interface Entry {
	    // Go type: time
	    time: any;
	    kind: Kind;
	    file: string;
	    bytes: number;
	    digest: string;
	    activationId: string;
	    count: number;
	    ok: boolean;
	    result: string;
	    confirmationNeeded: boolean;
	    pending: boolean;
	}

}

export namespace fne {
	
	export enum Evidence {
	    DOCUMENTED = "documented",
	    OBSERVED = "observed",
	    ASSUMED = "assumed",
	}
	export enum ProbeOutcome {
	    SUPPORTED = "supported",
	    NOT_SUPPORTED = "not_supported",
	    ACCESS_DENIED = "access_denied",
	    LOGIN_REQUIRED = "login_required",
	    NOT_FOUND = "not_found",
	    ERROR = "error",
	    SKIPPED = "skipped",
	}
	export interface CertificateInfo {
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
	}
	export interface FieldShape {
	    name: string;
	    kind: string;
	    fields: FieldShape[];
	}
	export interface Observation {
	    outcome: ProbeOutcome;
	    status: number;
	    contentType: string;
	    shape: string;
	    fields: FieldShape[];
	    indented: boolean;
	}
	export interface ProbeResult {
	    op: string;
	    label: string;
	    path: string;
	    evidence: Evidence;
	    method: string;
	    outcome: ProbeOutcome;
	    message: string;
	    answer?: Observation;
	}

}

export namespace history {
	
	export enum Outcome {
	    DONE = "done",
	    FAILED = "failed",
	    UNKNOWN = "unknown",
	}
	export interface Alert {
	    id: number;
	    profileId: string;
	    rule: usage.RuleKind;
	    subject: string;
	    message: string;
	    openedAt: string;
	    clearedAt?: string | null;
	    seen: boolean;
	}
	export interface Entry {
	    id: number;
	    at: string;
	    profileId: string;
	    profile: string;
	    server: string;
	    user: string;
	    operation: string;
	    summary: string;
	    outcome: Outcome;
	    code: string;
	    tool: string;
	}
	export interface FeatureKey {
	    name: string;
	    version: string;
	}

}

export namespace listing {
	
	export interface Query {
	    page: number;
	    pageSize: number;
	    search: string;
	    sortBy: string;
	    sortDesc: boolean;
	}

}

export namespace modeldef {
	
	export enum Severity {
	    ERROR = "error",
	    WARNING = "warning",
	}
	export interface Fix {
	    label: string;
	    line: number;
	    column: number;
	    endColumn: number;
	    text: string;
	}
	export interface Diagnostic {
	    line: number;
	    column: number;
	    endColumn: number;
	    severity: Severity;
	    message: string;
	    fix?: Fix;
	}
	export interface FeatureAllocation {
	    name: string;
	    version: string;
	    vendor: string;
	    requested: string;
	    count: number;
	    uncounted: boolean;
	    short: boolean;
	    shortfall: number;
	    missing: boolean;
	    higher: boolean;
	}
	
	export interface PoolAllocation {
	    pool: string;
	    default: boolean;
	    features: FeatureAllocation[];
	}

}

export namespace operations {
	
	export enum SummarySource {
	    SERVER = "server",
	    COMPUTED = "computed",
	}
	export enum DeviceType {
	    PHYSICAL = "physical",
	    VIRTUAL = "virtual",
	    UNKNOWN = "unknown",
	}
	export enum Outcome {
	    REPLACED = "replaced",
	    UNCHANGED = "unchanged",
	    RESTORED = "restored",
	    LOST = "lost",
	    UNKNOWN = "unknown",
	}
	export interface ActivationInput {
	    activationId: string;
	    count: string;
	}
	export interface ActivationOutcome {
	    activationId: string;
	    ok: boolean;
	    message: string;
	}
	export interface ChosenFile {
	    path: string;
	    name: string;
	    bytes: number;
	    digest: string;
	    note: string;
	}
	export interface ConsumedFeature {
	    feature: string;
	    version: string;
	    count: number;
	    expiry: string;
	}
	export interface Stopped {
	    code: apperr.Code;
	    message: string;
	}
	export interface GroupResult {
	    group: string;
	    id: number;
	    rows: number[];
	    ok: boolean;
	    notSent: boolean;
	    unknown: boolean;
	    code?: apperr.Code;
	    message: string;
	}
	export interface DeleteReport {
	    results: GroupResult[];
	    deleted: number;
	    failed: number;
	    stopped?: Stopped;
	}
	export interface DeviceDetail {
	    id: number;
	    deviceId: string;
	    idType: string;
	    deviceType: DeviceType;
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
	    consumedNote: string;
	}
	export interface DeviceRow {
	    id: number;
	    deviceId: string;
	    idType: string;
	    deviceType: DeviceType;
	    alias: string;
	    status: string;
	    expiry: string;
	    expiringSoon: boolean;
	    updated: string;
	}
	export interface DevicesPage {
	    rows: DeviceRow[];
	    total: number;
	    page: number;
	    pages: number;
	    loadedAt: string;
	}
	export interface Diagnostics {
	    profileName: string;
	    url: string;
	    proxy: string;
	    serverType: settings.ServerType;
	    reachable: boolean;
	    problem: string;
	    version: string;
	    instanceId: string;
	    securityEnabled: boolean;
	    loggedInAs: string;
	    roles: string[];
	    certificate?: fne.CertificateInfo;
	    endpoints: fne.ProbeResult[];
	    traits: string[];
	    checkedAt: string;
	}
	export interface EditReport {
	    outcome: Outcome;
	    group: reservations.Group;
	    message: string;
	    originalJson: string;
	    keptIn: string;
	}
	export interface EditableGroup {
	    id: number;
	    name: string;
	    entries: reservations.PendingEntry[];
	}
	export interface ServedDeviceRow {
	    deviceId: string;
	    idType: string;
	    deviceType: string;
	    alias: string;
	    served: number;
	    expiry: string;
	}
	export interface FeatureDetail {
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
	    servedNote: string;
	}
	export interface FeatureRow {
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
	}
	export interface FeatureDetailsPage {
	    rows: FeatureRow[];
	    total: number;
	    page: number;
	    pages: number;
	    productInfo: boolean;
	    serverVersion: string;
	    loadedAt: string;
	}
	export interface FeatureOption {
	    name: string;
	    versions: string[];
	}
	
	export interface FeatureSummaryRow {
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
	}
	export interface FeatureSummaryPage {
	    rows: FeatureSummaryRow[];
	    total: number;
	    page: number;
	    pages: number;
	    source: SummarySource;
	    loadedAt: string;
	}
	
	export interface GroupMessage {
	    group: string;
	    message: string;
	    originalJson: string;
	    keptIn: string;
	}
	
	export interface HostIDOption {
	    type: string;
	    value: string;
	    setting: string;
	}
	export interface ImportPreviewResult {
	    preview: reservations.ImportPreview;
	    token: string;
	    fileName: string;
	    cancelled: boolean;
	}
	export interface ImportReport {
	    imported: number;
	    replaced: number;
	    skipped: number;
	    skippedGroups: GroupMessage[];
	    named: GroupMessage[];
	    failed: GroupMessage[];
	    notSent: GroupMessage[];
	    stopped?: Stopped;
	    replace: boolean;
	}
	export interface ModelCheck {
	    valid: boolean;
	    modelName: string;
	    diagnostics: modeldef.Diagnostic[];
	    preview: modeldef.PoolAllocation[];
	    previewNote: string;
	}
	export interface ModelView {
	    active: boolean;
	    text: string;
	}
	export interface PolicySetting {
	    name: string;
	    value: string;
	    description: string;
	    kind: policy.Kind;
	    lockedReason: string;
	}
	export interface PolicySection {
	    name: string;
	    settings: PolicySetting[];
	}
	
	export interface PoolFeature {
	    feature: string;
	    version: string;
	    expiry: string;
	    allocated: number;
	    used: number;
	    uncounted: boolean;
	    requested: string;
	    status: string;
	}
	export interface Pool {
	    id: number;
	    name: string;
	    default: boolean;
	    lastModified: string;
	    features: PoolFeature[];
	}
	
	export interface PoolsView {
	    pools: Pool[];
	    modelActive: boolean;
	}
	export interface PropertiesView {
	    hostIds: HostIDOption[];
	    hostIdsNote: string;
	    selectedHostId: string;
	    serverVersion: string;
	    deviceUuid: string;
	    status: string;
	    sections: PolicySection[];
	    readOnly: boolean;
	    readOnlyReason: string;
	    levels: string[];
	}
	export interface ReservationGroupRef {
	    id: number;
	    name: string;
	    reservations: number;
	    entries: number;
	}
	export interface ReservationsPage {
	    rows: reservations.Row[];
	    total: number;
	    page: number;
	    pages: number;
	    loadedAt: string;
	    modelActive: boolean;
	    modelMessage: string;
	    groups: ReservationGroupRef[];
	}
	export interface ResponseResult {
	    confirmationRequestNeeded: boolean;
	    message: string;
	}
	export interface SettingFailure {
	    name: string;
	    code: apperr.Code;
	    message: string;
	}
	export interface SaveReport {
	    saved: string[];
	    failed: SettingFailure[];
	    notSent: string[];
	    stopped?: Stopped;
	}
	export interface SavedFile {
	    path: string;
	    bytes: number;
	    digest: string;
	}
	
	
	
	export interface SubmitReport {
	    results: GroupResult[];
	    created: number;
	    failed: number;
	    stopped?: Stopped;
	}
	export interface SyncResult {
	    requestedAt: string;
	    answer: string;
	}
	export interface ValidationResult {
	    valid: boolean;
	    problems: apperr.Item[];
	    groups: reservations.Group[];
	    groupOf: number[];
	    modelActive: boolean;
	    modelMessage: string;
	}

}

export namespace orgpolicy {
	
	export interface Problem {
	    name: string;
	    where: string;
	    message: string;
	}
	export interface Policies {
	    disableRememberPassword: boolean;
	    allowedServers: string[];
	    lockedProfiles: boolean;
	    disableHistoryCollection: boolean;
	    historyRetentionDays: number;
	    disableModelUpload: boolean;
	    disablePropertiesEdit: boolean;
	    proxyServer: string;
	    problems: Problem[];
	}

}

export namespace policy {
	
	export enum Kind {
	    BOOLEAN = "boolean",
	    DURATION = "duration",
	    LIST = "list",
	    NUMBER = "number",
	    LEVEL = "level",
	    TEXT = "text",
	}

}

export namespace progress {
	
	export interface Step {
	    message: string;
	    done: number;
	    total: number;
	    unit: string;
	}

}

export namespace reservations {
	
	export enum Status {
	    OK = "ok",
	    SHORT = "short",
	}
	export enum Action {
	    CREATE = "create",
	    REPLACE = "replace",
	    SKIP = "skip",
	}
	export interface Entry {
	    id?: number;
	    featureName: string;
	    featureVersion: string;
	    featureCount: number;
	}
	export interface HostID {
	    value: string;
	    type: string;
	}
	export interface Reservation {
	    id?: number;
	    hostId: HostID;
	    reservationEntries: Entry[];
	}
	export interface Group {
	    id?: number;
	    name?: string;
	    reservations: Reservation[];
	}
	export interface GroupAction {
	    index: number;
	    name: string;
	    label: string;
	    action: Action;
	    reason: string;
	    replaces: number;
	}
	
	export interface ImportGroup {
	    group: Group;
	    location: string;
	    line: number;
	    valid: boolean;
	}
	export interface Summary {
	    toImport: number;
	    toReplace: number;
	    skipped: number;
	}
	export interface ImportPlan {
	    actions: GroupAction[];
	    summary: Summary;
	}
	export interface Problem {
	    location: string;
	    line: number;
	    column: number;
	    message: string;
	}
	export interface ImportPreview {
	    groups: ImportGroup[];
	    groupCount: number;
	    reservationCount: number;
	    entryCount: number;
	    errors: Problem[];
	    warnings: Problem[];
	    keep: ImportPlan;
	    replace: ImportPlan;
	}
	export interface PendingEntry {
	    groupName: string;
	    deviceId: string;
	    idType: string;
	    featureName: string;
	    version: string;
	    count: number;
	}
	
	
	export interface Row {
	    group: string;
	    groupId: number;
	    entryId: number;
	    deviceId: string;
	    idType: string;
	    feature: string;
	    version: string;
	    count: number;
	    status: Status;
	    reason: string;
	}

}

export namespace settings {
	
	export enum ServerType {
	    LOCAL = "local",
	    CLS = "cls",
	}
	export enum Theme {
	    SYSTEM = "system",
	    LIGHT = "light",
	    DARK = "dark",
	}
	export interface HistoryPrefs {
	    intervalMinutes: number;
	    retentionDays: number;
	    rules?: usage.Rules;
	}
	export interface HistoryInput {
	    history: HistoryPrefs;
	    startView: string;
	}
	
	export interface Profile {
	    id: string;
	    name: string;
	    host: string;
	    serverType: ServerType;
	    port: number;
	    instanceId: string;
	    https: boolean;
	    rememberedUser: string;
	    pinnedFingerprint: string;
	    caFile: string;
	    proxy?: string;
	    proxyUrl?: string;
	    proxyUser?: string;
	    noHistory?: boolean;
	    demo?: boolean;
	    managed?: boolean;
	}
	export interface ProxyInput {
	    mode: string;
	    url: string;
	    user: string;
	}
	export interface ServerInput {
	    pageSize: number;
	    host: string;
	    serverType: ServerType;
	    port: number;
	    instanceId: string;
	    https: boolean;
	}

}

export namespace usage {
	
	export enum RuleKind {
	    BUSY = "busy",
	    FULL = "full",
	    EXPIRY = "expiry",
	    UNREACHABLE = "unreachable",
	    OVERDRAFT = "overdraft",
	}
	export interface BusyRule {
	    on: boolean;
	    percent: number;
	    minutes: number;
	}
	export interface ExpiryRule {
	    on: boolean;
	    days: number;
	}
	export interface FeatureRule {
	    feature: string;
	    off: boolean;
	    percent: number;
	    minutes: number;
	}
	export interface HeatCell {
	    day: number;
	    hour: number;
	    utilisation: number;
	    covered: boolean;
	}
	export interface UnreachableRule {
	    on: boolean;
	    minutes: number;
	}
	export interface Toggle {
	    on: boolean;
	}
	export interface Rules {
	    busy: BusyRule;
	    full: Toggle;
	    expiry: ExpiryRule;
	    unreachable: UnreachableRule;
	    overdraft: Toggle;
	    features: FeatureRule[];
	}
	

}

