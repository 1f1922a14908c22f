# The two commands: `make run` and `make test`. Both install what is missing
# first (scripts/bootstrap), then build with CMake presets in build/<preset>.
PRESET ?= dev
BUILD_DIR := build/$(PRESET)
JOBS ?= $(shell nproc)
MESHERY_HOME ?= $(HOME)/.meshery
export CCACHE_DIR ?= $(HOME)/.cache/ccache

.PHONY: all bootstrap configure build run test test-asan bench format clean

all: build

bootstrap:
	@scripts/bootstrap

configure: bootstrap
	@test -f $(BUILD_DIR)/build.ninja || cmake --preset $(PRESET)

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target meshery-server mesheryctl
	@echo "meshery-server: http://127.0.0.1:9081 (data in $(MESHERY_HOME)); Ctrl-C stops it"
	@exec $(BUILD_DIR)/apps/meshery-server/meshery-server

test: build
	@scripts/test $(BUILD_DIR)

test-asan:
	@$(MAKE) test PRESET=asan

bench: build
	@bench/http_wrk.sh $(BUILD_DIR)

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	@rm -rf build
