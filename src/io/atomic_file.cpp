#include "io/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace smp {
namespace {

std::runtime_error write_error(const std::filesystem::path& path, const char* what) {
  return std::runtime_error(path.string() + ": cannot " + what + " (" + std::strerror(errno) + ")");
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::span<const std::uint8_t> bytes) {
  const std::filesystem::path parent = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string temp = (parent / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) throw write_error(path, "create a temporary file beside it");
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int saved = errno;
      ::close(fd);
      ::unlink(temp.c_str());
      errno = saved;
      throw write_error(path, "write");
    }
    written += static_cast<std::size_t>(n);
  }
  // Files from mkstemp are 0600; give the user's usual permissions instead.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(temp.c_str());
    throw write_error(path, "flush");
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    errno = saved;
    throw write_error(path, "replace");
  }
}

void write_file_atomically(const std::filesystem::path& path, std::string_view text) {
  write_file_atomically(path, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

void replace_folder_atomically(const std::filesystem::path& ready, const std::filesystem::path& target) {
  std::error_code ignored;
  if (!std::filesystem::exists(target)) {
    if (std::rename(ready.c_str(), target.c_str()) != 0) throw write_error(target, "move the new folder into place");
    return;
  }
  if (::renameat2(AT_FDCWD, ready.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    std::filesystem::remove_all(ready, ignored);  // now the old folder
    return;
  }
  // A file system without the exchange: the old folder steps aside for the shortest possible time.
  const std::filesystem::path aside = ready.string() + ".old";
  if (std::rename(target.c_str(), aside.c_str()) != 0) throw write_error(target, "move the old folder aside");
  if (std::rename(ready.c_str(), target.c_str()) != 0) {
    const int saved = errno;
    std::rename(aside.c_str(), target.c_str());  // the old folder stays as it was
    errno = saved;
    throw write_error(target, "move the new folder into place");
  }
  std::filesystem::remove_all(aside, ignored);
}

}  // namespace smp
