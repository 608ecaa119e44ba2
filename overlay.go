package cpguide

import "github.com/cpguide/cpguide/procedures"

// An Overlay is a local Child Protection Committee's holidays and tighter
// timescales, the older form of its procedures (see procedures.Overlay,
// and procedures.Profile for the full form).
type Overlay = procedures.Overlay

// An OverlayTimescale is one local timescale of an Overlay.
type OverlayTimescale = procedures.OverlayTimescale

// DecodeOverlay reads an Overlay from JSON, strictly: see
// procedures.DecodeOverlay.
func DecodeOverlay(data []byte) (*Overlay, error) { return procedures.DecodeOverlay(data) }
