#!/bin/sh
# SPDX-License-Identifier: MIT
. "$(dirname "$0")/../lib.sh"
done_testing
