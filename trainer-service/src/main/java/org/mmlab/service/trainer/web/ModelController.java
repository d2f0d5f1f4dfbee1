package org.mmlab.service.trainer.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.mmlab.service.trainer.models.ModelStore;
import org.mmlab.service.trainer.models.ModelView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code /api/v1/models}: the model store. */
@RestController
@RequestMapping(ModelController.PATH)
class ModelController {
  static final String PATH = "/api/v1/models";

  private final ModelStore models;

  ModelController(ModelStore models) {
    this.models = models;
  }

  @GetMapping
  @Operation(
      summary = "Bundles in the models directory",
      description = "Each with its metadata.json, or the reason it does not load.")
  Mono<List<ModelView>> list() {
    return Mono.fromCallable(models::list).subscribeOn(Schedulers.boundedElastic());
  }
}
