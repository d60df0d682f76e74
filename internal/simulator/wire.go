package simulator

// The simulator's own wire types, written from FNE-API.md and the shared
// fixtures rather than shared with the client.

type wireFeature struct {
	ID                  int64  `json:"id"`
	FeatureID           string `json:"featureId"`
	FeatureName         string `json:"featureName"`
	FeatureVersion      string `json:"featureVersion"`
	FeatureCount        int64  `json:"featureCount"`
	Used                int64  `json:"used"`
	SharedUsed          int64  `json:"sharedUsed"`
	Reserved            int64  `json:"reserved"`
	AssignedReserved    int64  `json:"assignedReserved"`
	UnassignedReserved  int64  `json:"unassignedReserved"`
	OverdraftCount      int64  `json:"overdraftCount"`
	OverdraftUsedCount  int64  `json:"overdraftUsedCount"`
	UncappedOverdraft   bool   `json:"uncappedOverdraft"`
	Type                string `json:"type"`
	FeatureKind         string `json:"featureKind"`
	Vendor              string `json:"vendor"`
	Expiry              string `json:"expiry"`
	ReceivedTime        string `json:"receivedTime"`
	Metered             bool   `json:"metered"`
	MeteredReusable     bool   `json:"meteredReusable"`
	MeteredUndoInterval int64  `json:"meteredUndoInterval"`
	Concurrent          bool   `json:"concurrent"`
	Uncounted           bool   `json:"uncounted"`
	// Product columns, reported from release 2024.10 on.
	StartDate      string `json:"startDate,omitempty"`
	VendorString   string `json:"vendorString,omitempty"`
	ProductName    string `json:"productName,omitempty"`
	ProductVersion string `json:"productVersion,omitempty"`
	ActivationID   string `json:"activationId,omitempty"`
	EntitlementID  string `json:"entitlementId,omitempty"`
}

type wireHostID struct {
	Type  string `json:"hostidType"`
	Value string `json:"hostidValue"`
}

type wireClient struct {
	ID               int64      `json:"id"`
	HostID           wireHostID `json:"hostid"`
	RequestHostID    wireHostID `json:"requestHostid"`
	ServerHostID     wireHostID `json:"serverHostid"`
	CollectedHostIDs string     `json:"collectedHostIds"`
	HostType         string     `json:"hostType"`
	MachineType      string     `json:"machineType"`
	HostName         string     `json:"hostName"`
	CorrelationID    string     `json:"correlationId"`
	Trusted          bool       `json:"trusted"`
	RequestOperation string     `json:"requestOperation"`
	ServedStatus     string     `json:"servedStatus"`
	UpdateTime       string     `json:"updateTime"`
	Expiry           string     `json:"expiry"`
}

type wireFeatureClient struct {
	ID            int64      `json:"id"`
	UseCount      int64      `json:"useCount"`
	UsageKind     string     `json:"usageKind"`
	ReservedCount int64      `json:"reservedCount"`
	Client        wireClient `json:"client"`
}

type wireClientFeature struct {
	wireFeature
	ServedCount int64  `json:"servedCount"`
	UsageKind   string `json:"usageKind"`
}

type wireSummary struct {
	TotalCount     int64  `json:"totalCount"`
	TotalUsed      int64  `json:"totalUsed"`
	TotalOverdraft int64  `json:"totalOverdraft"`
	FirstExpiry    string `json:"firstExpiry"`
	LastExpiry     string `json:"lastExpiry"`
	Metered        bool   `json:"metered"`
	Uncounted      bool   `json:"uncounted"`
}

type wireServerHostID struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

type wireGroup struct {
	ID           int64             `json:"id"`
	Name         string            `json:"name"`
	Reservations []wireReservation `json:"reservations"`
}

type wireReservation struct {
	ID      int64       `json:"id"`
	HostID  wireResHost `json:"hostId"`
	Entries []wireEntry `json:"reservationEntries"`
}

type wireResHost struct {
	Value string `json:"value"`
	Type  string `json:"type"`
}

type wireEntry struct {
	ID             int64  `json:"id"`
	FeatureName    string `json:"featureName"`
	FeatureVersion string `json:"featureVersion"`
	FeatureCount   int64  `json:"featureCount"`
}

type wirePartitions struct {
	Partitions []wirePartition `json:"partitions"`
}

type wirePartition struct {
	ID                  int64       `json:"id"`
	Name                string      `json:"name"`
	LastModified        int64       `json:"lastModified"`
	Default             bool        `json:"default"`
	ActiveFeatureSlices []wireSlice `json:"activeFeatureSlices"`
}

type wireSlice struct {
	ID            int64            `json:"id"`
	Feature       wireSliceFeature `json:"feature"`
	Slice         int64            `json:"slice"`
	Used          int64            `json:"used"`
	ComputedCount int64            `json:"computedCount"`
	Requested     string           `json:"requested"`
	Uncounted     bool             `json:"uncounted"`
	Status        string           `json:"status"`
}

type wireSliceFeature struct {
	ID             int64  `json:"id"`
	Type           string `json:"type"`
	FeatureName    string `json:"featureName"`
	FeatureVersion string `json:"featureVersion"`
	Expiry         string `json:"expiry"`
	FeatureCount   int64  `json:"featureCount"`
	Used           int64  `json:"used"`
}

type wireSetting struct {
	Name        string `json:"name"`
	Value       string `json:"value"`
	Description string `json:"description"`
	Group       string `json:"group"`
	Editable    bool   `json:"editable"`
}

type wireActivation struct {
	ActivationID string `json:"activationId"`
	Count        int64  `json:"count"`
}

type wireActivationResult struct {
	ActivationID string `json:"activationId"`
	Status       string `json:"status"`
	Message      string `json:"message"`
}
