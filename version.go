package main

// version is stamped at build time (-ldflags "-X main.version=…") so `passerelle --version`
// and bug reports say which build a learner has; the one package variable, set by the linker.
var version = "dev"
