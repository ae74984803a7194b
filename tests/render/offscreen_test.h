#pragma once
// A test that needs an offscreen GL context: skipped (never passed) where none can be made.
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "render/offscreen_context.h"

namespace smp::test {

class OffscreenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    context_ = OffscreenContext::create(why);
    if (!context_) GTEST_SKIP() << "no offscreen GL context: " << why;
  }
  std::unique_ptr<OffscreenContext> context_;
};

}  // namespace smp::test
