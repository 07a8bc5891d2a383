"""Package repositories made on this machine, so that real R and real apt
install real packages with no network.

- A CRAN-like repository indexed with `tools::write_PACKAGES`: tiny
  packages, built (`R CMD INSTALL --build`) as the rocker images' package
  manager serves them, for what the tests install by name, and a tiny built
  package for each name the real projects of tests/corpus load.
  R finds it through `options(repos =)`, the way the rocker images point R at
  theirs.
- A flat apt repository holding one tiny `.deb` made with `dpkg-deb`, with the
  `Packages` index apt reads.

The R tests use the first directly; the real-build tests copy both into the
stand-in images.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import subprocess
import tarfile
import textwrap
from pathlib import Path

RECORD_CALL = """
record <- function(fn, args) {
  values <- vapply(args, function(a) paste(deparse(a), collapse = ""), character(1))
  cat(paste(c(fn, paste(names(args), values, sep = "=")), collapse = "|"), "\\n",
      file = Sys.getenv("STANDIN_LOG"), append = TRUE, sep = "")
}
"""

# Stand-ins for installers that need the internet: they record the call
# install.R makes, then install the named package from the same repository.
STAND_INS = {
    "remotes": RECORD_CALL + """
install_github <- function(repo, upgrade = "default", ...) {
  record("install_github", c(list(repo = repo, upgrade = upgrade), list(...)))
  # Like remotes: install the package the spec names, return its name.
  pkg <- sub("@.*$", "", sub("^[^/]*/", "", repo))
  utils::install.packages(pkg)
  invisible(pkg)
}
""",
    # renv: restore() installs what the lockfile names (no jsonlite needed:
    # the stand-in reads the "Package" fields with a regular expression).
    "renv": RECORD_CALL + """
lockfile_read <- function(file = "renv.lock", ...) {
  text <- paste(readLines(file, warn = FALSE), collapse = "\\n")
  found <- regmatches(text, gregexpr('"Package": *"[^"]+"', text))[[1]]
  pkgs <- sub('^"Package": *"([^"]+)"$', "\\\\1", found)
  list(Packages = stats::setNames(lapply(pkgs, function(p) list(Package = p)), pkgs))
}
restore <- function(project = NULL, library = NULL, lockfile = "renv.lock", prompt = TRUE,
                    exclude = NULL, ...) {
  record("restore", c(list(lockfile = lockfile, prompt = prompt, exclude = exclude,
                           repos = getOption("repos")[[1]],
                           repos_override = Sys.getenv("RENV_CONFIG_REPOS_OVERRIDE")), list(...)))
  pkgs <- setdiff(names(lockfile_read(lockfile)$Packages), exclude)
  # Like renv: into the library named, else the first on the library paths.
  # Without the checks real packages need: a restore of a real lockfile
  # installs a hundred or more.
  utils::install.packages(pkgs, lib = if (is.null(library)) .libPaths()[1] else library,
                          INSTALL_opts = c("--no-test-load", "--no-docs", "--no-html"))
  invisible(pkgs)
}
# renv's project library: renv/library/R-<major.minor>/<platform> in the
# project, with an OS folder first (as renv 1.x on R >= 4.4) when
# STANDIN_RENV_OS names one. Since renv 0.15.0 a project whose DESCRIPTION
# makes it a package (a Package field and no Type, or Type: Package) keeps
# its library in the user's cache folder instead, under the project's name
# and the first 8 digits of the MD5 of its path (activate.R's
# renv_bootstrap_library_root_impl, renv_bootstrap_project_type and
# renv_bootstrap_hash_text; renv commit 2de06e3).
project_type <- function(project) {
  desc <- tryCatch(read.dcf(file.path(project, "DESCRIPTION"), all = TRUE), error = function(e) NULL)
  if (is.null(desc)) return("unknown")
  if (!is.null(desc$Type)) return(tolower(desc$Type))
  if (!is.null(desc$Package)) "package" else "unknown"
}
paths <- list(library = function(project = NULL) {
  project <- if (is.null(project)) getwd() else project
  os <- Sys.getenv("STANDIN_RENV_OS")
  root <- file.path(project, "renv", "library")
  if (identical(project_type(project), "package")) {
    hashfile <- tempfile("renv-hash-")
    writeLines(project, hashfile)
    id <- substring(unname(tools::md5sum(hashfile)), 1L, 8L)
    root <- file.path(tools::R_user_dir("renv", "cache"), "library", paste(basename(project), id, sep = "-"))
  }
  do.call(file.path, as.list(c(root, if (nzchar(os)) os,
                               paste0("R-", getRversion()$major, ".", getRversion()$minor),
                               R.version$platform)))
})
# renv::load(project): R's library paths become the project library and the
# base packages alone, as renv's load() and its sandbox leave them (renv's
# R/load.R, renv_load_libpaths; "sets the library paths to use a
# project-local library, sets up the system library sandbox"): a package
# installed anywhere else is not found.
load <- function(project = NULL, quiet = FALSE) {
  project <- normalizePath(if (is.null(project)) getwd() else project, mustWork = TRUE)
  library <- paths$library(project = project)
  dir.create(library, recursive = TRUE, showWarnings = FALSE)
  assign(".lib.loc", c(library, .Library), envir = environment(.libPaths))
  invisible(project)
}
""",
    "BiocManager": RECORD_CALL + """
install <- function(pkgs = character(), ..., update = TRUE, ask = TRUE) {
  record("install", c(list(pkgs = pkgs, update = update, ask = ask), list(...)))
  utils::install.packages(pkgs)
}
""",
}
PLAIN = """
hello <- function() "hello"
"""
PLAIN_PACKAGES = ("tinyA", "tinyB", "ghpkg", "ghpkg2", "biocpkg", "biocpkg2")

# The package in the flat apt repository, and the command it installs.
APT_PACKAGE = "binder-standin-tool"
APT_COMMAND = "/usr/bin/binder-standin-tool"


def make_r_package(root: Path, name: str, code: str, exports: str) -> Path:
    source = root / name
    (source / "R").mkdir(parents=True)
    (source / "DESCRIPTION").write_text(textwrap.dedent(f"""\
        Package: {name}
        Version: 0.0.1
        Title: Tiny Stand-In Package for Tests
        Description: Tiny stand-in package used by the template's tests.
        License: MIT
        Authors@R: person("Test", "Author", email = "test@example.org", role = c("aut", "cre"))
        Encoding: UTF-8
        ByteCompile: no
        """))
    (source / "NAMESPACE").write_text(f"export({exports})\n")
    (source / "R" / "code.R").write_text(code)
    return source


TINY_VERSION = "0.0.1"
# Builds the one tiny package R installs, then writes its Meta/package.rds
# (the one binary file naming the package) again for every name asked for.
TINY_TEMPLATE_R = """
args <- commandArgs(TRUE)
out <- args[[1]]
meta <- readRDS(file.path(args[[2]], "Meta", "package.rds"))
for (name in readLines(args[[3]])) {
  meta$DESCRIPTION[["Package"]] <- name
  saveRDS(meta, file.path(out, paste0(name, ".rds")))
}
"""


def tiny_binaries(contrib: Path, names: list[str], rscript: str, work: Path) -> None:
    """A built package for each name, packed as Posit's package manager serves
    Linux binaries to the rocker images: a `name_version.tar.gz` in
    src/contrib that R CMD INSTALL installs as a *binary* package (about a
    quarter of a second, against a second or more from source). The corpus
    tests need one for every package the real projects load: R builds one,
    and the others are that one under another name."""
    if not names:
        return
    template = work / "tiny-template"
    (template / "src" / "tinytemplate").mkdir(parents=True)
    (template / "src" / "tinytemplate" / "DESCRIPTION").write_text(
        f"Package: tinytemplate\nVersion: {TINY_VERSION}\nTitle: Tiny Stand-In\n"
        "Description: Stands in for a real package in tests.\nLicense: MIT\n"
        "Author: Test\nMaintainer: Test <test@example.org>\n")
    (template / "src" / "tinytemplate" / "NAMESPACE").write_text("")
    (template / "lib").mkdir()
    r = str(Path(rscript).with_name("R"))
    subprocess.run([r, "CMD", "INSTALL", "--no-test-load", "--no-docs", "--no-html",
                    "-l", str(template / "lib"), str(template / "src" / "tinytemplate")],
                   check=True, capture_output=True)
    built = template / "lib" / "tinytemplate"
    (template / "names").write_text("\n".join(names) + "\n")
    (template / "meta").mkdir()
    subprocess.run([rscript, "-e", TINY_TEMPLATE_R, str(template / "meta"), str(built), str(template / "names")],
                   check=True, capture_output=True)
    files = sorted(p for p in built.rglob("*") if p.is_file() and p.relative_to(built).as_posix() != "Meta/package.rds")
    for name in names:
        with tarfile.open(contrib / f"{name}_{TINY_VERSION}.tar.gz", "w:gz", compresslevel=1) as tar:
            members = [(f.relative_to(built).as_posix().replace("tinytemplate", name),
                        f.read_bytes().replace(b"tinytemplate", name.encode())) for f in files]
            members.append(("Meta/package.rds", (template / "meta" / f"{name}.rds").read_bytes()))
            for path, data in members:
                info = tarfile.TarInfo(f"{name}/{path}")
                info.size, info.mode = len(data), 0o644
                tar.addfile(info, io.BytesIO(data))


def build_cran(root: Path, rscript: str, extra: tuple[str, ...] = ()) -> Path:
    """A CRAN-like repository under root/repo, with the tiny packages, the
    stand-in installers and a tiny package for each name in extra; returns
    its path."""
    contrib = root / "repo" / "src" / "contrib"
    contrib.mkdir(parents=True)
    # jsonlite stays Debian's real one (r-cran-shiny brings it, here and in the
    # stand-in images): install.R reads renv.lock with it after a restore, and
    # a tiny one restored from a lockfile that lists it would have no fromJSON.
    tiny_binaries(contrib, sorted(set(extra) - set(PLAIN_PACKAGES) - set(STAND_INS) - {"jsonlite"}), rscript, root)
    sources = [make_r_package(root / "src", name, PLAIN, "hello") for name in PLAIN_PACKAGES]
    exports = {"remotes": "install_github", "renv": "restore, lockfile_read, paths, load", "BiocManager": "install"}
    sources += [make_r_package(root / "src", name, code, exports[name]) for name, code in STAND_INS.items()]
    # Built, as Posit's package manager serves the rocker images their
    # packages: R CMD INSTALL --build packs each installed package, and R
    # installs such a tarball from src/contrib as it is, with nothing to
    # build or test-load (a third of a second, against a second and a half).
    r = str(Path(rscript).with_name("R"))
    (root / "build-library").mkdir()
    subprocess.run([r, "CMD", "INSTALL", "--build", "--no-test-load", "--no-docs", "--no-html",
                    "-l", str(root / "build-library"), *map(str, sources)],
                   cwd=root / "src", check=True, capture_output=True)
    for built in (root / "src").glob("*_R_*.tar.gz"):
        built.rename(contrib / (built.name.split("_R_")[0] + ".tar.gz"))
    subprocess.run([rscript, "-e", f"tools::write_PACKAGES('{contrib}', type = 'source')"],
                   check=True, capture_output=True)
    return root / "repo"


def build_apt(root: Path) -> Path:
    """A flat apt repository (`deb [trusted=yes] file:<dir> ./`) under root/apt."""
    package = root / "deb-source"
    (package / "DEBIAN").mkdir(parents=True)
    (package / "usr" / "bin").mkdir(parents=True)
    control = textwrap.dedent(f"""\
        Package: {APT_PACKAGE}
        Version: 1.0
        Architecture: all
        Maintainer: Template Tests <test@example.org>
        Description: tiny package standing in for a system library
        """)
    (package / "DEBIAN" / "control").write_text(control)
    command = package / APT_COMMAND.lstrip("/")
    command.write_text("#!/bin/sh\necho binder-standin-tool works\n")
    command.chmod(0o755)
    repo = root / "apt"
    repo.mkdir()
    deb = repo / f"{APT_PACKAGE}_1.0_all.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "--build", str(package), str(deb)],
                   check=True, capture_output=True)
    data = deb.read_bytes()
    # The index dpkg-scanpackages would write: the control fields, then where
    # the file is and what it hashes to.
    index = control + (
        f"Filename: ./{deb.name}\nSize: {len(data)}\n"
        f"MD5sum: {hashlib.md5(data).hexdigest()}\n"
        f"SHA256: {hashlib.sha256(data).hexdigest()}\n\n"
    )
    (repo / "Packages").write_text(index)
    (repo / "Packages.gz").write_bytes(gzip.compress(index.encode()))
    return repo
