package fne

import "net/http"

// Evidence says how sure we are that a real server has an endpoint (FNE-API.md).
type Evidence string

const (
	Documented Evidence = "documented"
	Observed   Evidence = "observed"
	Assumed    Evidence = "assumed"
)

// Scope tells whether a path hangs off {root}/api/1.0 or off the instance base.
type Scope int

const (
	ScopeRoot Scope = iota
	ScopeInstance
)

// Role is a server role that an endpoint needs (FNE-API.md, Security).
type Role string

const (
	RoleNone         Role = ""
	RoleRead         Role = "ROLE_READ"
	RoleReservations Role = "ROLE_RESERVATIONS"
	RoleDropClient   Role = "ROLE_DROPCLIENT"
	RoleAdmin        Role = "ROLE_ADMIN"
	RoleOffline      Role = "ROLE_OFFLINE"
	RoleProducer     Role = "ROLE_PRODUCER"
)

// Op names one operation of the license-server API. The simulator uses the
// same names for its routes and fault selectors.
type Op string

// Endpoint is one row of the API table: the only place a path is written.
type Endpoint struct {
	Op       Op
	Label    string // human name, used in "This server does not offer <Label>."
	Method   string
	Scope    Scope
	Path     string // relative to the scope; {name} placeholders
	Evidence Evidence
	Role     Role // the role a 403 most likely lacks
	// Resource names the one thing a path points at (/features/{id},
	// /model): a 404 there means "no such thing", not "no such endpoint".
	Resource string
	// Upload marks requests that carry a file and get the longer timeout.
	Upload bool
	// MaxAnswer bounds the answer's body (DefaultMaxAnswer when 0): what
	// the largest supported server sends, with room to spare, so a broken
	// or hostile server cannot make the app read a gigabyte.
	MaxAnswer int64
	// NotProbed says why Diagnostics must not send this GET: it changes
	// the server's state.
	NotProbed string
	// Answer is what a successful answer holds (JSON when zero); an answer
	// of another kind means the server lacks the operation.
	Answer AnswerKind
	// KeyedByData marks a JSON object whose keys are data (feature names),
	// which a compatibility report must not list.
	KeyedByData bool
}

// AnswerKind is what an endpoint answers with.
type AnswerKind int

const (
	AnswerJSON AnswerKind = iota
	AnswerText
	AnswerBinary
	// AnswerAny is an answer whose body the client does not read.
	AnswerAny
)

// accept is the Accept header of a request for kind.
func (k AnswerKind) accept() string {
	switch k {
	case AnswerText:
		return "text/plain"
	case AnswerBinary:
		return "application/octet-stream"
	case AnswerAny:
		return "*/*"
	}
	return "application/json"
}

// what names kind in a message.
func (k AnswerKind) what() string {
	switch k {
	case AnswerText:
		return "text"
	case AnswerBinary:
		return "a file"
	case AnswerAny:
		return "an answer"
	}
	return "JSON"
}

// Answer bounds. The feature list of the largest server the app supports
// (100,000 records) is 66 MB; the other lists are smaller.
const (
	DefaultMaxAnswer = 1 << 20
	maxFeatureList   = 96 << 20
	maxLargeList     = 64 << 20
	maxList          = 16 << 20
	maxRequestFile   = 10 << 20
)

// maxAnswer is the body bound of e.
func (e Endpoint) maxAnswer() int64 {
	if e.MaxAnswer > 0 {
		return e.MaxAnswer
	}
	return DefaultMaxAnswer
}

const (
	OpInstance               Op = "instance"
	OpPing                   Op = "ping"
	OpLegacyClients          Op = "legacyClients"
	OpHealth                 Op = "health"
	OpInstanceHealth         Op = "instanceHealth"
	OpHostIDs                Op = "hostids"
	OpAuthorize              Op = "authorize"
	OpChangePassword         Op = "changePassword"
	OpFeatures               Op = "features"
	OpFeature                Op = "feature"
	OpFeatureClients         Op = "featureClients"
	OpFeatureSummaries       Op = "featureSummaries"
	OpClients                Op = "clients"
	OpClient                 Op = "client"
	OpClientFeatures         Op = "clientFeatures"
	OpDeleteClient           Op = "deleteClient"
	OpReservationGroups      Op = "reservationGroups"
	OpAddReservationGroup    Op = "addReservationGroup"
	OpDeleteReservationGroup Op = "deleteReservationGroup"
	OpPartitions             Op = "partitions"
	OpModel                  Op = "model"
	OpUploadModel            Op = "uploadModel"
	OpDeleteModel            Op = "deleteModel"
	OpConfiguration          Op = "configuration"
	OpUpdateConfiguration    Op = "updateConfiguration"
	OpActivations            Op = "activations"
	OpSync                   Op = "sync"
	OpCapabilityRequest      Op = "capabilityRequest"
	OpActivationRequest      Op = "activationRequest"
	OpCapabilityResponse     Op = "capabilityResponse"
	OpUploadRestKey          Op = "uploadRestLicensingKey"
	OpRevokeRestKey          Op = "revokeRestLicensingKey"
)

const (
	get  = http.MethodGet
	post = http.MethodPost
	del  = http.MethodDelete
	root = ScopeRoot
	inst = ScopeInstance
)

// Endpoints is the API table. A correction against a real server is a
// one-line change here; a test checks that the simulator serves every row.
var Endpoints = []Endpoint{
	// A public client calls GET {base}; what it answers is assumed.
	{Op: OpInstance, Label: "a description of the instance", Method: get, Scope: inst, Path: "", Evidence: Observed, Role: RoleRead},
	{Op: OpPing, Label: "a liveness check", Method: get, Scope: root, Path: "/instances/ping", Evidence: Documented, Answer: AnswerAny},
	{Op: OpLegacyClients, Label: "the server-level device list of older servers", Method: get, Scope: root, Path: "/clients", Evidence: Observed, Role: RoleRead, MaxAnswer: maxLargeList},
	{Op: OpHealth, Label: "a health check", Method: get, Scope: root, Path: "/health", Evidence: Observed},
	{Op: OpInstanceHealth, Label: "an instance health check", Method: get, Scope: inst, Path: "/health", Evidence: Observed},
	{Op: OpHostIDs, Label: "its host IDs", Method: get, Scope: root, Path: "/hostids", Evidence: Observed, Role: RoleRead},
	{Op: OpAuthorize, Label: "logging in", Method: post, Scope: inst, Path: "/authorize", Evidence: Observed},
	{Op: OpChangePassword, Label: "changing passwords", Method: post, Scope: inst, Path: "/users/{user}/password", Evidence: Assumed, Role: RoleAdmin, Resource: "the user"},
	{Op: OpFeatures, Label: "a feature list", Method: get, Scope: inst, Path: "/features", Evidence: Observed, Role: RoleRead, MaxAnswer: maxFeatureList},
	{Op: OpFeature, Label: "single feature records", Method: get, Scope: inst, Path: "/features/{id}", Evidence: Observed, Role: RoleRead, Resource: "the feature"},
	{Op: OpFeatureClients, Label: "the devices served by a feature", Method: get, Scope: inst, Path: "/features/{id}/clients/", Evidence: Observed, Role: RoleRead, Resource: "the feature", MaxAnswer: maxList},
	{Op: OpFeatureSummaries, Label: "feature summaries", Method: get, Scope: inst, Path: "/features/summaries", Evidence: Observed, Role: RoleRead, MaxAnswer: maxList, KeyedByData: true},
	{Op: OpClients, Label: "a device list", Method: get, Scope: inst, Path: "/clients", Evidence: Observed, Role: RoleRead, MaxAnswer: maxLargeList},
	{Op: OpClient, Label: "single device records", Method: get, Scope: inst, Path: "/clients/{id}", Evidence: Assumed, Role: RoleRead, Resource: "the device"},
	{Op: OpClientFeatures, Label: "the features of a device", Method: get, Scope: inst, Path: "/clients/{id}/features", Evidence: Assumed, Role: RoleRead, Resource: "the device", MaxAnswer: maxList},
	{Op: OpDeleteClient, Label: "deleting devices", Method: del, Scope: inst, Path: "/clients/{id}", Evidence: Assumed, Role: RoleDropClient, Resource: "the device"},
	{Op: OpReservationGroups, Label: "reservations", Method: get, Scope: inst, Path: "/reservationgroups", Evidence: Assumed, Role: RoleRead, MaxAnswer: maxList},
	{Op: OpAddReservationGroup, Label: "adding reservations", Method: post, Scope: inst, Path: "/reservationgroups", Evidence: Assumed, Role: RoleReservations, MaxAnswer: maxList},
	{Op: OpDeleteReservationGroup, Label: "deleting reservation groups", Method: del, Scope: inst, Path: "/reservationgroups/{id}", Evidence: Assumed, Role: RoleReservations, Resource: "the reservation group"},
	{Op: OpPartitions, Label: "named license pools", Method: get, Scope: inst, Path: "/partitions", Evidence: Assumed, Role: RoleRead, MaxAnswer: maxLargeList},
	{Op: OpModel, Label: "model definitions", Method: get, Scope: inst, Path: "/model", Evidence: Assumed, Role: RoleRead, Resource: "the model definition", MaxAnswer: 2 << 20, Answer: AnswerText},
	{Op: OpUploadModel, Label: "model definition uploads", Method: post, Scope: inst, Path: "/model", Evidence: Assumed, Role: RoleAdmin, Upload: true},
	{Op: OpDeleteModel, Label: "deleting model definitions", Method: del, Scope: inst, Path: "/model", Evidence: Assumed, Role: RoleAdmin, Resource: "the model definition"},
	{Op: OpConfiguration, Label: "policy settings", Method: get, Scope: inst, Path: "/configuration", Evidence: Assumed, Role: RoleRead},
	{Op: OpUpdateConfiguration, Label: "changing policy settings", Method: post, Scope: inst, Path: "/configuration", Evidence: Assumed, Role: RoleAdmin},
	{Op: OpActivations, Label: "online activation", Method: post, Scope: inst, Path: "/activations", Evidence: Assumed, Role: RoleAdmin},
	{Op: OpSync, Label: "a back-office sync", Method: post, Scope: inst, Path: "/sync", Evidence: Assumed, Role: RoleAdmin},
	{Op: OpCapabilityRequest, Label: "offline capability requests", Method: get, Scope: inst, Path: "/capability_request", Evidence: Assumed, Role: RoleOffline, MaxAnswer: maxRequestFile, Answer: AnswerBinary,
		NotProbed: "Not probed: it makes the server generate a capability request."},
	{Op: OpActivationRequest, Label: "offline activation requests", Method: post, Scope: inst, Path: "/activation_request", Evidence: Assumed, Role: RoleOffline, MaxAnswer: maxRequestFile, Answer: AnswerBinary},
	{Op: OpCapabilityResponse, Label: "loading offline responses", Method: post, Scope: root, Path: "/capability_response", Evidence: Observed, Role: RoleOffline, Upload: true},
	{Op: OpUploadRestKey, Label: "client key uploads", Method: post, Scope: inst, Path: "/rest_licensing_keys", Evidence: Observed, Role: RoleAdmin, Upload: true},
	{Op: OpRevokeRestKey, Label: "client key revocation", Method: del, Scope: inst, Path: "/rest_licensing_keys", Evidence: Observed, Role: RoleAdmin},
}

// EndpointFor returns the table row of op; it panics on an unknown op because
// that is a programming error caught by the tests.
func EndpointFor(op Op) Endpoint {
	for _, e := range Endpoints {
		if e.Op == op {
			return e
		}
	}
	panic("fne: unknown operation " + string(op))
}
