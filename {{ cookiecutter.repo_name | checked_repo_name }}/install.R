{%- set pkgs = cookiecutter.r_packages | r_packages -%}
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

# install.packages() only warns when a package cannot be installed, which
# would leave a green build without it. Fail the build instead.
requested <- c(cran, github_pkgs, bioc)
loads <- vapply(requested, requireNamespace, logical(1), quietly = TRUE)
if (!all(loads)) {
  stop("These R packages did not install: ", paste(requested[!loads], collapse = ", "),
       call. = FALSE)
}
