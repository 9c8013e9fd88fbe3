# The atlas in a container, after Streamlit's documented pattern (docs.streamlit.io/deploy/tutorials/docker).
# Build: docker build -t atlas .   Run: docker run -p 8501:8501 atlas   (see DEPLOY.md)
FROM python:3.11-slim

# No apt packages: the geopandas/pyogrio/shapely/pyproj wheels carry GDAL, GEOS and PROJ, and the
# health check below uses Python rather than curl.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --shell /usr/sbin/nologin atlas
WORKDIR /app

# Requirements first: the dependency layer is rebuilt only when requirements.txt changes.
COPY requirements.txt .
RUN pip install -r requirements.txt

# The app's files stay owned by root: the server only reads them.
COPY . .
USER atlas

EXPOSE 8501

HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://localhost:8501/_stcore/health', timeout=4).status != 200)"]

ENTRYPOINT ["streamlit", "run", "serve.py", "--server.port=8501", "--server.address=0.0.0.0"]
