// Package examples holds the sample files the README documents, embedded so the demo
// portfolio uses exactly the file a learner or institution can copy.
package examples

import _ "embed"

// OutcomesCSV is an institution's list of learning outcomes in the CSV import format.
//
//go:embed outcomes.csv
var OutcomesCSV string

// OutcomesJSON is the same list in the JSON import format.
//
//go:embed outcomes.json
var OutcomesJSON string
