#include "design/design_history.h"

namespace smp {

bool DesignHistory::settle(const Design& current, bool editing) {
  if (editing || current == settled_) return false;
  undo_.push_back(settled_);
  if (undo_.size() > kDepth) undo_.erase(undo_.begin());
  redo_.clear();
  settled_ = current;
  return true;
}

bool DesignHistory::undo(Design& current) {
  settle(current, false);  // an edit not yet settled is a step of its own
  if (undo_.empty()) return false;
  redo_.push_back(settled_);
  settled_ = undo_.back();
  undo_.pop_back();
  current = settled_;
  return true;
}

bool DesignHistory::redo(Design& current) {
  if (redo_.empty()) return false;
  undo_.push_back(settled_);
  settled_ = redo_.back();
  redo_.pop_back();
  current = settled_;
  return true;
}

void DesignHistory::reset(const Design& start) {
  settled_ = start;
  undo_.clear();
  redo_.clear();
}

}  // namespace smp
