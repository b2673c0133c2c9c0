// Copyright 2015-2017 Piprate Limited
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//     http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

package jsonld

// Passerelle's copy: the HTTP loaders (DefaultDocumentLoader, RFC7324CachingDocumentLoader),
// the Link header parser they used and the unused CachingDocumentLoader are removed, so this
// package pulls in no network client. A caller serves its contexts through its own loader.

import (
	"encoding/json"
	"io"
)

// RemoteDocument is a document retrieved from a remote source.
type RemoteDocument struct {
	DocumentURL string
	Document    interface{}
	ContextURL  string
}

// DocumentLoader knows how to load remote documents.
type DocumentLoader interface {
	LoadDocument(u string) (*RemoteDocument, error)
}

// DocumentFromReader returns a document containing the contents of the JSON resource,
// streamed from the given Reader.
func DocumentFromReader(r io.Reader) (interface{}, error) {
	var document interface{}
	dec := json.NewDecoder(r)

	// If dec.UseNumber() were invoked here, all numbers would be decoded as json.Number.
	// json-gold supports both the default and json.Number options.

	if err := dec.Decode(&document); err != nil {
		return nil, NewJsonLdError(LoadingDocumentFailed, err)
	}
	return document, nil
}

// noDocumentLoader is the loader NewJsonLdOptions sets: it loads nothing, so a context or
// document that the caller did not provide fails instead of being fetched.
type noDocumentLoader struct{}

// LoadDocument always fails: Passerelle never fetches a document.
func (noDocumentLoader) LoadDocument(u string) (*RemoteDocument, error) {
	return nil, NewJsonLdError(LoadingDocumentFailed, "no document loader for "+u)
}
