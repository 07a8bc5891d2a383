{%- set pkgs = cookiecutter.r_packages | r_packages -%}
{%- set existing = cookiecutter.layout == "existing-project" -%}
{%- set project = cookiecutter | project -%}
{#- renv.lock rules an renv project: what DESCRIPTION declares is in it. #}
{%- set description = existing and project.description and not project.renv -%}
{%- set renv = existing and project.renv -%}
{#- shiny is installed anyway when the badge opens a Shiny app. #}
{%- set used = (project.used | list | reject("equalto", "shiny" if cookiecutter.ui == "shiny" else "") | list) if existing else [] -%}
{%- set optional = used or description -%}
# {{ (cookiecutter | install_script) if existing else "install.R" }}: the R packages this project needs.
#
# Binder runs this file when it builds your image. Add names to the lists
# below. The image already has the tidyverse and the geospatial packages;
# those are skipped. Packages come from the repositories the image is set up
# with (fast binary builds), so do not set options(repos = ...) here.

cran <- {{ pkgs.cran | r_vector }}    # from CRAN, e.g. "janitor"
github <- {{ pkgs.github | r_vector }}  # from GitHub, "owner/repo" or "owner/repo@ref"
bioc <- {{ pkgs.bioc | r_vector }}    # from Bioconductor, e.g. "DESeq2"
{%- if existing and (project.conda_cran or project.conda_bioc or project.conda_lower) %}

# The R packages of {{ project.conda }} (conda), which Binder no longer reads.
{%- if project.conda_cran %}
cran <- union(cran, {{ project.conda_cran | r_vector }})
{%- endif %}
{%- if project.conda_bioc %}
bioc <- union(bioc, {{ project.conda_bioc | r_vector }})
{%- endif %}
{%- if project.conda_lower %}
# conda writes names in lower case: these take the spelling the image's
# package repository has (one it lacks fails the build, named).
conda <- {{ project.conda_lower | r_vector }}
on_cran <- rownames(available.packages())
cran <- union(cran, vapply(conda, function(name) c(on_cran[tolower(on_cran) == name], name)[1], "",
                           USE.NAMES = FALSE))
{%- endif %}
{%- endif %}

is_installed <- function(pkg) nzchar(system.file(package = pkg))
install_missing <- function(pkgs, install) {
  pkgs <- pkgs[!vapply(pkgs, is_installed, logical(1))]
  if (length(pkgs) > 0) install(pkgs)
}
{%- if cookiecutter.ui == "shiny" %}

# The badge opens a Shiny app, so shiny must be there. The images have it;
# it is installed only if one does not.
cran <- union(cran, "shiny")
{%- endif %}
{%- if optional %}

optional <- {{ used | r_vector }}{% if used %}  # loaded by your code, declared nowhere else{% endif %}
{%- if description %}
optional_remotes <- character()
{%- endif %}
{%- endif %}
{%- if renv %}
{%- set lock = project.renv_lock %}
{#- The renv project's folder: the root, or the subfolder the root .Rprofile loads. #}
{%- set sub = lock[:-("/renv.lock" | length)] if lock != "renv.lock" else "" %}
{%- if sub %}

# {{ lock }}: restore exactly the versions it records (renv::restore(), never
# only activate), into the project library of {{ sub }}/, where the
# renv::load() in your .Rprofile looks when R starts in the home folder.
# RENV_CONFIG_REPOS_OVERRIDE points renv at the image's own package
# repository, which serves binary packages where it has them. Your .Rprofile
# is not read here: the image's renv restores, and goes into that library too.
{%- elif project.renv_activate %}

# renv.lock: restore exactly the versions it records (renv::restore(), never
# only activate), into the project library, where renv/activate.R looks when
# RStudio starts. RENV_CONFIG_REPOS_OVERRIDE points renv at the image's own
# package repository, which serves binary packages where it has them. Your
# .Rprofile is not read here, so the lockfile's renv version is not fetched
# first: the image's renv restores, and goes into the project library too.
{%- else %}

# renv.lock: restore exactly the versions it records (renv::restore()).
# There is no renv/activate.R to find renv's project library when R starts,
# so they go into the library R itself uses first (.libPaths()[1]), where
# RStudio, Shiny and Rscript find them. RENV_CONFIG_REPOS_OVERRIDE points
# renv at the image's own package repository, which serves binary packages
# where it has them.
{%- endif %}
if (!is_installed("renv")) install.packages("renv")
Sys.setenv(RENV_CONFIG_REPOS_OVERRIDE = unname(getOption("repos")[1]))
{%- if sub %}
renv_project <- file.path(getwd(), {{ sub | r_string }})
{%- else %}
renv_project <- getwd()
{%- endif %}
{%- if project.renv_activate %}
project_library <- renv::paths$library(project = renv_project)
dir.create(project_library, recursive = TRUE, showWarnings = FALSE)
{%- else %}
project_library <- .libPaths()[1]
{%- endif %}
restore <- list(project = renv_project, library = project_library, lockfile = {{ lock | r_string }},
                prompt = FALSE)
# renv >= 0.14 can leave renv itself out; older ones restore it too.
if ("exclude" %in% names(formals(renv::restore))) restore$exclude <- "renv"
do.call(renv::restore, restore)
install_missing("jsonlite", install.packages)
locked <- setdiff(names(jsonlite::fromJSON({{ lock | r_string }})$Packages), "renv")
{%- if project.renv_activate %}
.libPaths(c(project_library, .libPaths()))
{%- endif %}
restored <- vapply(locked, requireNamespace, logical(1), quietly = TRUE)
if (!all(restored)) {
  stop({{ ("These R packages from " ~ lock ~ " did not restore: ") | r_string }},
       paste(locked[!restored], collapse = ", "), call. = FALSE)
}
{%- if project.renv_activate %}
if (!dir.exists(file.path(project_library, "renv"))) {
  file.copy(system.file(package = "renv"), project_library, recursive = TRUE)
}
# Since R 4.4, renv 1.x puts the library under an OS folder that older
# activate.R files do not know: they look in renv/library/R-x.y/<platform>.
older <- file.path(renv_project, "renv", "library",
                   paste0("R-", getRversion()$major, ".", getRversion()$minor), R.version$platform)
if (normalizePath(older, mustWork = FALSE) != normalizePath(project_library)) {
  dir.create(dirname(older), recursive = TRUE, showWarnings = FALSE)
  file.symlink(normalizePath(project_library), older)
}
{%- else %}
# A renv::load() in your code (an R Markdown file's renv::load(".."), say)
# switches to renv's project library: it leads to the same packages.
renv_library <- renv::paths$library(project = renv_project)
if (!file.exists(renv_library)) {
  dir.create(dirname(renv_library), recursive = TRUE, showWarnings = FALSE)
  file.symlink(normalizePath(project_library), renv_library)
}
{%- endif %}
{%- endif %}
{%- if description %}

# The packages DESCRIPTION declares join the lists above: Depends, Imports
# and LinkingTo must install; Suggests are optional. Every record counts (a
# blank line starts a new one), and names without commas between them are
# read one by one.
description <- read.dcf("DESCRIPTION")
declared_text <- function(field) {
  values <- if (field %in% colnames(description)) description[, field] else character()
  values[!is.na(values)]
}
declared <- function(field) {
  items <- trimws(unlist(strsplit(declared_text(field), ",")))
  items <- gsub("[(][^)]*[)]", " ", items)  # drop version requirements
  items <- unlist(strsplit(trimws(items), "[[:space:]]+"))
  items[!is.na(items) & nzchar(items)]
}
built_in <- c("R", rownames(installed.packages(priority = "base")))
required <- setdiff(c(declared("Depends"), declared("Imports"), declared("LinkingTo")), built_in)
optional <- union(optional, setdiff(declared("Suggests"), c(built_in, required)))

# Remotes say where some of them come from, in the remotes package's syntax:
# [name=][type::]spec, type github (the default: owner/repo[/subdir][@ref or
# #pr]), gitlab, bitbucket, git, bioc ([release/, devel/ or 3.x/]Name), url
# or local. Only remotes for packages named above are installed.
remote_name <- function(spec) {
  named <- regmatches(spec, regexec("^(?:[a-z]+::)?([A-Za-z][A-Za-z0-9.]*)=", spec,
                                    perl = TRUE))[[1]]
  if (length(named) > 0) return(named[2])
  type <- if (grepl("^[a-z]+::", spec)) sub("::.*$", "", spec) else "github"
  spec <- sub("^[a-z]+::", "", spec)
  switch(type,
    bioc = sub("^.*/", "", sub("^.*@", "", spec)),
    url = , local = sub("(_[^_]*)?[.](tar[.]gz|tgz|zip)$", "", basename(spec)),
    git = , svn = sub("[.]git$", "", sub("^.*[/:]", "", sub("/$", "", spec))),
    # owner/repo[/subdir]: named after the repository, far more often than
    # after a subfolder such as r/.
    strsplit(sub("[@#].*$", "", spec), "/")[[1]][2])
}
remotes <- trimws(unlist(strsplit(declared_text("Remotes"), ",")))
remotes <- remotes[nzchar(remotes)]
names(remotes) <- vapply(remotes, remote_name, character(1))
remotes <- remotes[names(remotes) %in% c(required, optional)]
for (name in names(remotes)) {
  spec <- sub("^([a-z]+::)?[A-Za-z][A-Za-z0-9.]*=", "\\1", remotes[[name]])
  type <- if (grepl("^[a-z]+::", spec)) sub("::.*$", "", spec) else "github"
  if (type == "local") {
    message("Remotes: ", spec, " is a local path, which is not in the image: skipped")
  } else if (name %in% required && type == "bioc") {
    bioc <- union(bioc, name)
  } else if (name %in% required) {
    github <- union(github, spec)
  } else {
    optional_remotes[name] <- spec
  }
}
if ("biocViews" %in% colnames(description)) {
  # A Bioconductor package: BiocManager installs its dependencies, from
  # Bioconductor or CRAN, whichever has them.
  bioc <- union(bioc, setdiff(required, names(remotes)))
} else {
  cran <- union(cran, setdiff(required, names(remotes)))
}
optional <- setdiff(optional, c(names(remotes), cran, bioc))
{%- endif %}

install_missing(cran, install.packages)
{%- if description %}

# Installs a remote: owner/repo[@ref] from GitHub, or type::spec as the
# remotes package writes it (gitlab::, bitbucket::, git::, url::, bioc::).
install_remote <- function(spec) {
  type <- if (grepl("^[a-z]+::", spec)) sub("::.*$", "", spec) else "github"
  spec <- sub("^[a-z]+::", "", spec)
  if (type == "bioc") {
    install_missing("BiocManager", install.packages)
    return(BiocManager::install(sub("^.*[/@]", "", spec), update = FALSE, ask = FALSE))
  }
  install_missing("remotes", install.packages)
  # upgrade = "never": keep the image's packages, only add what is missing.
  getExportedValue("remotes", paste0("install_", type))(spec, upgrade = "never")
}

github_pkgs <- character()
for (spec in github) {
  pkg <- tryCatch(install_remote(spec), error = function(e) {
    message("Could not install ", spec, ": ", conditionMessage(e))
    spec
  })
  github_pkgs <- c(github_pkgs, pkg)
}
{%- else %}

github_pkgs <- character()
if (length(github) > 0) {
  install_missing("remotes", install.packages)
  for (spec in github) {
    # upgrade = "never": keep the image's packages, only add what is missing.
    pkg <- tryCatch(
      remotes::install_github(spec, upgrade = "never"),
      error = function(e) {
        message("Could not install ", spec, " from GitHub: ", conditionMessage(e))
        spec
      }
    )
    github_pkgs <- c(github_pkgs, pkg)
  }
}
{%- endif %}

if (length(bioc) > 0) {
  install_missing("BiocManager", install.packages)
  install_missing(bioc, function(pkgs) BiocManager::install(pkgs, update = FALSE, ask = FALSE))
}
{%- if optional %}

# Optional packages, from {{ ["Suggests" if description, "your code" if used] | select | join(" and ") }}: one that does not
# install is named here, and the build goes on.
try(install_missing(optional, install.packages))
{%- if description %}
for (spec in optional_remotes) try(install_remote(spec))
optional <- union(optional, names(optional_remotes))
{%- endif %}
not_installed <- optional[!vapply(optional, is_installed, logical(1))]
if (length(not_installed) > 0) {
  message("These optional R packages did not install: ", paste(not_installed, collapse = ", "),
          " (one from GitHub or Bioconductor goes in the github or bioc list above;",
          " one your analysis needs goes in the cran list, so that the build fails without it)")
}
# For the workflow's summary: the build stays green without these.
writeLines(not_installed, file.path(Sys.getenv("TMPDIR", "/tmp"), "r-packages-not-installed.txt"))
{%- endif %}
{%- if existing and project.install_R %}

# Your own {{ project.install_R }}, written for Binder.
source("{{ project.install_R }}")
{%- endif %}

# install.packages() only warns when a package cannot be installed, which
# would leave a green build without it. Fail the build instead.
requested <- c(cran, github_pkgs, bioc)
loads <- vapply(requested, requireNamespace, logical(1), quietly = TRUE)
if (!all(loads)) {
  stop("These R packages did not install: ", paste(requested[!loads], collapse = ", "),
       call. = FALSE)
}
