#!/usr/bin/env bash
# Commit only the named paths, serialised with a lock so parallel work in one tree does not collide.
# usage: scripts/commit.sh "message" path [path ...]
set -euo pipefail
msg=$1; shift
exec 9>/tmp/hoso-git.lock
flock 9
git add -A -- "$@"
git commit -q -m "$msg" -- "$@"
git log --oneline -1
