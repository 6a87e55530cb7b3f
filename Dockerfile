# The Kabar worker/producer image for docker-compose.yml (the local setup needs no Docker).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY streams ./streams
COPY schemas ./schemas
COPY config ./config
# the city gazetteer is built into the installed package (from /tmp: not the source copy in /app)
RUN pip install --no-cache-dir . && cd /tmp && python -m streams.nlp.gazetteer
ENV KABAR_HOME=/data
VOLUME /data
ENTRYPOINT ["kabar"]
CMD ["worker"]
