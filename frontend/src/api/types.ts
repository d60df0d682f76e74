/**
 * The names the views use for the models Go generates (wailsjs/go/models):
 * aliases only, so a field added in Go reaches the views without a second
 * edit. The few types that differ say why.
 */
import type { app, branding, collect, connect, dashboard, exchanges, fne, history, modeldef, operations, reservations, settings, usage } from '../wailsjs/go/models';
import type { ListPage } from './listing';

export type SettingsView = app.SettingsView;
export type Profile = settings.Profile;
export type ServerInput = settings.ServerInput;
export type ProxyInput = settings.ProxyInput;
export type ConnectionInfo = connect.ConnectionInfo;
export type AboutInfo = app.AboutInfo;
export type BuildInfo = AboutInfo['build'];
export type SessionState = connect.State;
export type DemoAccount = connect.DemoAccount;
export type LoginInput = connect.LoginInput;
export type PasswordInput = connect.PasswordInput;
export type BrandingView = app.BrandingView;
export type BrandingNav = branding.Nav;
export type PolicyView = app.PolicyView;
export type Policies = app.PolicyView['policies'];

/** Go sends times as ISO-8601 text; the generator types them as any. */
type Dated<T, K extends keyof T> = Omit<T, K> & { [P in K]: string };

export type CertificateInfo = Dated<fne.CertificateInfo, 'notBefore' | 'notAfter'>;
export type EndpointProbe = fne.ProbeResult;
export type Diagnostics = Omit<operations.Diagnostics, 'certificate'> & { certificate: CertificateInfo | null };

export type FeatureRecord = operations.FeatureRow;
export type FeatureSummary = operations.FeatureSummaryRow;
export type FeatureDetailsPage = operations.FeatureDetailsPage;
export type FeatureSummaryPage = operations.FeatureSummaryPage;
export type FeatureDetail = operations.FeatureDetail;
export type ServedDevice = operations.ServedDeviceRow;

export type Device = operations.DeviceRow;
export type DevicesPage = operations.DevicesPage;
export type DeviceDetail = operations.DeviceDetail;
export type ConsumedFeature = operations.ConsumedFeature;

export type PropertiesView = operations.PropertiesView;
export type PolicySection = operations.PolicySection;
export type PolicySetting = operations.PolicySetting;
export type HostIdOption = operations.HostIDOption;
export type SaveReport = operations.SaveReport;
export type SettingFailure = operations.SettingFailure;
export type Stopped = operations.Stopped;

export type ActivationRow = operations.ActivationInput;
export type ActivationOutcome = operations.ActivationOutcome;
export type SyncResult = operations.SyncResult;
export type SavedFile = operations.SavedFile;
export type ChosenFile = operations.ChosenFile;
export type ResponseResult = operations.ResponseResult;
export type ExchangeEntry = Dated<exchanges.Entry, 'time'>;

export type PoolsView = operations.PoolsView;
export type LicensePool = operations.Pool;
export type PoolFeature = operations.PoolFeature;
export type ModelView = operations.ModelView;
export type ModelCheck = operations.ModelCheck;
export type ModelDiagnostic = modeldef.Diagnostic;
export type PoolAllocation = modeldef.PoolAllocation;
export type FeatureAllocation = modeldef.FeatureAllocation;
export type ChosenModel = app.ChosenModel;

export type ReservationRow = reservations.Row;
export type ReservationsPage = operations.ReservationsPage & ListPage<reservations.Row>;
export type ReservationGroupRef = operations.ReservationGroupRef;
export type ReservableFeature = operations.FeatureOption;
export type PendingReservation = reservations.PendingEntry;
export type PendingReservationField = keyof PendingReservation;
export type ReservationValidation = operations.ValidationResult;
export type EditableGroup = operations.EditableGroup;
export type ReservationGroupResult = operations.GroupResult;
export type ReservationSubmitReport = operations.SubmitReport;
export type ReservationDeleteReport = operations.DeleteReport;
export type ReservationEditReport = operations.EditReport;
export type ReservationImportPreview = operations.ImportPreviewResult;
export type ReservationImportPlan = reservations.ImportPlan;
export type ReservationImportStep = reservations.GroupAction;
export type ReservationImportProblem = reservations.Problem;
export type ReservationImportReport = operations.ImportReport;
export type ReservationGroupMessage = operations.GroupMessage;

export type HistoryStatus = app.HistoryStatus;
export type HistoryInput = settings.HistoryInput;
export type HistoryPrefs = settings.HistoryPrefs;
export type ProfileHistory = app.ProfileHistory;
export type AlertRules = usage.Rules;
export type FeatureAlertRule = usage.FeatureRule;
export type UsageOverview = dashboard.Overview;
export type ProfileUsage = dashboard.ProfileState;
export type FeatureUsage = dashboard.FeatureRow;
export type UsageExpiry = dashboard.ExpiryRow;
export type FeatureKey = history.FeatureKey;
export type SeriesQuery = dashboard.SeriesQuery;
export type UsageSeries = dashboard.Series;
export type UsagePoint = dashboard.Point;
export type UsageStats = dashboard.Stats;
export type HeatCell = usage.HeatCell;
export type UsageAlert = history.Alert;
export type AlertRow = app.AlertRow;
export type AuditFilter = app.AuditFilter;
export type AuditEntry = history.Entry;
export type AuditList = app.AuditList;
export type CollectResult = collect.Result;

/**
 * The payload of Go's "history" event (app.HistoryEvent). No bound method
 * returns it, so Wails generates no type for it: this one mirrors it, from
 * generated parts.
 */
export interface HistoryEvent {
  unseen: number;
  opened: AlertRow[];
}
