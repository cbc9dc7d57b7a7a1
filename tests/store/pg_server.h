// A throwaway PostgreSQL server for tests: initdb and pg_ctl (Debian's
// /usr/lib/postgresql/<version>/bin) in a temporary folder, listening on a free loopback port,
// stopped and removed by the destructor. PostgreSQL refuses to run as root, so as root it runs
// as the unprivileged user `nobody` (through runuser).
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace chorus::testing {

class PgServer {
 public:
  PgServer() {
    namespace fs = std::filesystem;
    std::string bin = find_bin();
    if (bin.empty()) {
      why_ = "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt install postgresql)";
      return;
    }
    char tmpl[] = "/tmp/chorus-pg-XXXXXX";
    if (!::mkdtemp(tmpl)) {
      why_ = "cannot make a temporary folder";
      return;
    }
    dir_ = tmpl;
    std::string as_user;
    if (::geteuid() == 0) {
      if (std::system(("chown nobody " + dir_).c_str()) != 0) {
        why_ = "cannot hand the data folder to user nobody";
        return;
      }
      as_user = "runuser -u nobody -- ";
    }
    port_ = free_port();
    std::string data = dir_ + "/data";
    std::string log = dir_ + "/log";
    std::string initdb = as_user + bin + "/initdb -D " + data +
                         " -U chorus -A trust --no-sync -E UTF8 --locale=C >" + log + " 2>&1";
    // Started from the data folder's parent: runuser keeps the working folder, which must
    // be readable by nobody.
    // The server's own log is written by the server's user.
    std::string start = "cd " + dir_ + " && " + as_user + bin + "/pg_ctl -D " + data + " -l " +
                        dir_ + "/server.log -w -t 30 -o \"-p " + std::to_string(port_) + " -k " + dir_ +
                        " -c listen_addresses=127.0.0.1 -c fsync=off\" start >>" + log +
                        " 2>&1";
    if (std::system(("cd " + dir_ + " && " + initdb).c_str()) != 0) {
      why_ = "initdb failed (see " + log + ")";
      dir_.clear();  // kept for reading
      return;
    }
    if (std::system(start.c_str()) != 0) {
      why_ = "pg_ctl start failed (see " + log + " and " + dir_ + "/server.log)";
      dir_.clear();  // kept for reading
      return;
    }
    stop_ = "cd " + dir_ + " && " + as_user + bin + "/pg_ctl -D " + data +
            " -m immediate -w stop >/dev/null 2>&1";
    // Should the test crash before the destructor runs, a watchdog stops the server and
    // removes its folder once this process is gone.
    std::string watchdog = "while kill -0 " + std::to_string(::getpid()) +
                           " 2>/dev/null; do sleep 1; done; " + stop_ + "; rm -rf " + dir_;
    std::system(("nohup sh -c '" + watchdog + "' >/dev/null 2>&1 </dev/null &").c_str());
    uri_ = "postgresql://chorus@127.0.0.1:" + std::to_string(port_) + "/postgres";
  }
  ~PgServer() {
    if (!stop_.empty()) std::system(stop_.c_str());
    if (!dir_.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
  }
  PgServer(const PgServer&) = delete;
  PgServer& operator=(const PgServer&) = delete;

  bool ok() const { return !uri_.empty(); }
  const std::string& why() const { return why_; }  // when not ok
  const std::string& uri() const { return uri_; }
  // A fresh database on the server, for one test.
  std::string new_database(const std::string& name) {
    std::string psql = find_bin() + "/psql -q -h 127.0.0.1 -p " + std::to_string(port_) +
                       " -U chorus -d postgres -c \"DROP DATABASE IF EXISTS " + name +
                       "\" -c \"CREATE DATABASE " + name + "\" >/dev/null 2>&1";
    if (std::system(psql.c_str()) != 0) return "";
    return "postgresql://chorus@127.0.0.1:" + std::to_string(port_) + "/" + name;
  }

 private:
  static std::string find_bin() {
    namespace fs = std::filesystem;
    std::string best;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator("/usr/lib/postgresql", ec)) {
      fs::path bin = e.path() / "bin";
      if (fs::exists(bin / "initdb") && fs::exists(bin / "pg_ctl") && bin.string() > best) {
        best = bin.string();
      }
    }
    return best;
  }
  static int free_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t n = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &n);
    ::close(fd);
    return ntohs(a.sin_port);
  }

  std::string dir_, why_, uri_, stop_;
  int port_ = 0;
};

}  // namespace chorus::testing
