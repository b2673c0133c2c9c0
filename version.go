package main

// version is the release this binary was built from, so a learner or a coach can say which one
// they run: "dev" for a plain `go build`, stamped by the linker in every scripted build
// (-ldflags "-X main.version=$(scripts/version.sh)", from `git describe`). It is the one
// package variable of the program, because the linker can only set a package variable.
var version = "dev"
