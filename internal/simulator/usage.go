package simulator

import "fmt"

// SetUsed moves the seats in use of a feature (name and version) to used,
// spread over its counted records in order, the way clients taking and
// returning seats would; a usage history test drives a day of use with
// it. The device lists do not follow: no client record is made up.
func (s *Server) SetUsed(name, version string, used int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var recs []*wireFeature
	for _, f := range s.st.features {
		if f.FeatureName == name && f.FeatureVersion == version {
			recs = append(recs, f)
		}
	}
	if len(recs) == 0 {
		return fmt.Errorf("simulator: no feature %s %s", name, version)
	}
	left := used
	for i, f := range recs {
		take := left
		if i < len(recs)-1 && !f.Uncounted {
			take = min(left, f.FeatureCount)
		}
		f.Used, left = take, left-take
	}
	s.st.recomputeReserved()
	s.st.touch()
	return nil
}

// Fill puts every seat of a feature (by name, every version) in use: the
// demo's way to show a full feature and its alert.
func (s *Server) Fill(name string) error {
	s.mu.RLock()
	totals := map[string]int64{}
	var versions []string
	for _, f := range s.st.features {
		if f.FeatureName == name && !f.Uncounted {
			if _, ok := totals[f.FeatureVersion]; !ok {
				versions = append(versions, f.FeatureVersion)
			}
			totals[f.FeatureVersion] += f.FeatureCount
		}
	}
	s.mu.RUnlock()
	if len(versions) == 0 {
		return fmt.Errorf("simulator: no counted feature %s", name)
	}
	for _, v := range versions {
		if err := s.SetUsed(name, v, totals[v]); err != nil {
			return err
		}
	}
	return nil
}
