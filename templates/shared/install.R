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
{#- An renv project restores its lockfile; a project with a DESCRIPTION adds what it declares. #}
{%- include "shared/install_renv.R" %}
{%- include "shared/install_description.R" %}

install_missing(cran, install.packages)
{%- include "shared/install_github.R" %}

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
