{%- set pkgs = cookiecutter.r_packages | r_packages -%}
{%- set existing = cookiecutter.layout == "existing-project" -%}
{%- set description = existing and "DESCRIPTION" | project_has -%}
{%- set renv = existing and "renv.lock" | project_has -%}
# install.R: the R packages this project needs.
#
# Binder runs this file when it builds your image. Add names to the lists
# below. The image already has the tidyverse and the geospatial packages;
# those are skipped. Packages come from the repositories the image is set up
# with (fast binary builds), so do not set options(repos = ...) here.

cran <- {{ pkgs.cran | r_vector }}    # from CRAN, e.g. "janitor"
github <- {{ pkgs.github | r_vector }}  # from GitHub, "owner/repo" or "owner/repo@ref"
bioc <- {{ pkgs.bioc | r_vector }}    # from Bioconductor, e.g. "DESeq2"

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

{%- if renv %}

# renv.lock: restore exactly the versions it records (renv::restore(), never
# only activate). RENV_CONFIG_REPOS_OVERRIDE points renv at the image's own
# package repository, which serves binary packages where it has them.
if (!is_installed("renv")) install.packages("renv")
Sys.setenv(RENV_CONFIG_REPOS_OVERRIDE = unname(getOption("repos")[1]))
renv::restore(lockfile = "renv.lock", prompt = FALSE)
locked <- names(renv::lockfile_read("renv.lock")$Packages)
restored <- vapply(locked, requireNamespace, logical(1), quietly = TRUE)
if (!all(restored)) {
  stop("These R packages from renv.lock did not restore: ",
       paste(locked[!restored], collapse = ", "), call. = FALSE)
}
{%- endif %}
{%- if description %}

# The packages DESCRIPTION declares join the lists above: Depends, Imports
# and LinkingTo must install; Suggests are tried; Remotes (owner/repo,
# github::owner/repo, bioc::name) say where some of them come from.
description <- read.dcf("DESCRIPTION")
declared <- function(field) {
  if (!field %in% colnames(description)) return(character())
  items <- trimws(strsplit(description[1, field], ",")[[1]])
  items <- sub("[[:space:]]*[(].*$", "", items)  # drop version requirements
  items[nzchar(items)]
}
remote_specs <- declared("Remotes")
remote_bioc <- sub("^bioc::", "", grep("^bioc::", remote_specs, value = TRUE))
remote_github <- sub("^github::", "", grep("^(github::)?[^:/]+/[^:]+$", remote_specs, value = TRUE))
from_remotes <- c(remote_bioc, sub("@.*$", "", sub("^.*/", "", remote_github)))
built_in <- c("R", rownames(installed.packages(priority = "base")))
required <- c(declared("Depends"), declared("Imports"), declared("LinkingTo"))
cran <- union(cran, setdiff(required, c(built_in, from_remotes)))
github <- union(github, remote_github)
bioc <- union(bioc, remote_bioc)
suggested <- setdiff(declared("Suggests"), c(built_in, from_remotes, cran))
{%- endif %}

install_missing(cran, install.packages)

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

if (length(bioc) > 0) {
  install_missing("BiocManager", install.packages)
  install_missing(bioc, function(pkgs) BiocManager::install(pkgs, update = FALSE, ask = FALSE))
}

{%- if description %}
# Suggested packages are nice to have: one that does not install is reported,
# and the build goes on.
install_missing(suggested, function(pkgs) try(install.packages(pkgs)))
not_suggested <- suggested[!vapply(suggested, is_installed, logical(1))]
if (length(not_suggested) > 0) {
  message("Suggested packages not installed: ", paste(not_suggested, collapse = ", "))
}

{% endif -%}
# install.packages() only warns when a package cannot be installed, which
# would leave a green build without it. Fail the build instead.
requested <- c(cran, github_pkgs, bioc)
loads <- vapply(requested, requireNamespace, logical(1), quietly = TRUE)
if (!all(loads)) {
  stop("These R packages did not install: ", paste(requested[!loads], collapse = ", "),
       call. = FALSE)
}
