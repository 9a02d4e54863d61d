import { Access } from '../auth/access.decorator';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionsService } from './projections.service';

@ApiTags('projections 读模型')
@ApiBearerAuth()
@Controller('projections')
export class ProjectionsController {
  constructor(private readonly projections: ProjectionsService) {}

  @Get()
  @Access('projections.read', 'none')
  @ApiOperation({ summary: '读模型进度 how far each read model lags behind the store' })
  lag() {
    return this.projections.lag();
  }
}
