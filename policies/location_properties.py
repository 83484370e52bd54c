"""Input properties that name a location, per resource type. GENERATED: do not edit.

Written by `python scripts/generate_location_properties.py` (`make
location-properties`) from the input types of the installed provider SDKs; the
naming rules and the kinds are documented there. RES-012 judges every value
these paths hold against the jurisdiction catalogue.
"""

from __future__ import annotations

AWS_REGION = 'aws-region'
AZURE_LOCATION = 'azure-location'
REFERENCE = 'reference'
REMOTE = 'remote'

SDK_VERSIONS: dict[str, str] = {'pulumi-aws': '7.51.1', 'pulumi-azure-native': '3.29.0'}
GENERATOR_SHA256 = '91adf7e1b09c4b7fcdf981c7b78716bd9e9c7ef3c8b0ff73dd6c855838423ac8'

LOCATION_PROPERTIES: dict[str, tuple[tuple[str, str], ...]] = {
    'aws:accessanalyzer/analyzer:Analyzer': (
        ('configuration.internalAccess.analysisRule.inclusions[].resourceArns', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:accessanalyzer/archiveRule:ArchiveRule': (
        ('region', 'aws-region'),
    ),
    'aws:account/region:Region': (
        ('regionName', 'aws-region'),
    ),
    'aws:accountaccess/application:Application': (
        ('identitySource.identityCenter.applicationArn', 'reference'),
        ('identitySource.identityCenter.instanceArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:accountaccess/entitlement:Entitlement': (
        ('applicationArn', 'reference'),
        ('entitlement.principalRole.roleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:acm/certificate:Certificate': (
        ('certificateAuthorityArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:acm/certificateValidation:CertificateValidation': (
        ('certificateArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:acmpca/certificate:Certificate': (
        ('certificateAuthorityArn', 'reference'),
        ('region', 'aws-region'),
        ('templateArn', 'reference'),
    ),
    'aws:acmpca/certificateAuthority:CertificateAuthority': (
        ('region', 'aws-region'),
    ),
    'aws:acmpca/certificateAuthorityCertificate:CertificateAuthorityCertificate': (
        ('certificateAuthorityArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:acmpca/permission:Permission': (
        ('certificateAuthorityArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:acmpca/policy:Policy': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:agentregistry/registry:Registry': (
        ('encryptionConfiguration.kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:alb/listener:Listener': (
        ('certificateArn', 'reference'),
        ('defaultActions[].authenticateCognito.userPoolArn', 'reference'),
        ('defaultActions[].forward.targetGroups[].arn', 'reference'),
        ('defaultActions[].targetGroupArn', 'reference'),
        ('loadBalancerArn', 'reference'),
        ('mutualAuthentication.trustStoreArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:alb/listenerCertificate:ListenerCertificate': (
        ('certificateArn', 'reference'),
        ('listenerArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:alb/listenerRule:ListenerRule': (
        ('actions[].authenticateCognito.userPoolArn', 'reference'),
        ('actions[].forward.targetGroups[].arn', 'reference'),
        ('actions[].targetGroupArn', 'reference'),
        ('listenerArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:alb/loadBalancer:LoadBalancer': (
        ('region', 'aws-region'),
    ),
    'aws:alb/targetGroup:TargetGroup': (
        ('region', 'aws-region'),
    ),
    'aws:alb/targetGroupAttachment:TargetGroupAttachment': (
        ('region', 'aws-region'),
        ('targetGroupArn', 'reference'),
    ),
    'aws:amp/alertManagerDefinition:AlertManagerDefinition': (
        ('region', 'aws-region'),
    ),
    'aws:amp/anomalyDetector:AnomalyDetector': (
        ('region', 'aws-region'),
    ),
    'aws:amp/queryLoggingConfiguration:QueryLoggingConfiguration': (
        ('destinations[].cloudwatchLogs.logGroupArn', 'remote'),
        ('region', 'aws-region'),
    ),
    'aws:amp/resourcePolicy:ResourcePolicy': (
        ('region', 'aws-region'),
    ),
    'aws:amp/ruleGroupNamespace:RuleGroupNamespace': (
        ('region', 'aws-region'),
    ),
    'aws:amp/scraper:Scraper': (
        ('destination.amp.workspaceArn', 'remote'),
        ('destination.cloudwatch.datasetArn', 'remote'),
        ('exporter.opensearch.domainArn', 'reference'),
        ('region', 'aws-region'),
        ('roleConfiguration.sourceRoleArn', 'reference'),
        ('roleConfiguration.targetRoleArn', 'reference'),
        ('source.eks.clusterArn', 'reference'),
    ),
    'aws:amp/scraperLoggingConfiguration:ScraperLoggingConfiguration': (
        ('loggingDestination.cloudwatchLogs.logGroupArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:amp/workspace:Workspace': (
        ('kmsKeyArn', 'reference'),
        ('loggingConfiguration.logGroupArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:amp/workspaceConfiguration:WorkspaceConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:amplify/app:App': (
        ('computeRoleArn', 'reference'),
        ('iamServiceRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:amplify/backendEnvironment:BackendEnvironment': (
        ('region', 'aws-region'),
    ),
    'aws:amplify/branch:Branch': (
        ('backendEnvironmentArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:amplify/domainAssociation:DomainAssociation': (
        ('certificateSettings.customCertificateArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:amplify/webhook:Webhook': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/account:Account': (
        ('cloudwatchRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:apigateway/apiKey:ApiKey': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/authorizer:Authorizer': (
        ('providerArns', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:apigateway/basePathMapping:BasePathMapping': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/clientCertificate:ClientCertificate': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/deployment:Deployment': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/documentationPart:DocumentationPart': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/documentationVersion:DocumentationVersion': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/domainName:DomainName': (
        ('certificateArn', 'reference'),
        ('ownershipVerificationCertificateArn', 'reference'),
        ('region', 'aws-region'),
        ('regionalCertificateArn', 'reference'),
    ),
    'aws:apigateway/domainNameAccessAssociation:DomainNameAccessAssociation': (
        ('domainNameArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:apigateway/integration:Integration': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/integrationResponse:IntegrationResponse': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/method:Method': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/methodResponse:MethodResponse': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/methodSettings:MethodSettings': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/model:Model': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/requestValidator:RequestValidator': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/resource:Resource': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/response:Response': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/restApi:RestApi': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/restApiPolicy:RestApiPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/restApiPut:RestApiPut': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/stage:Stage': (
        ('accessLogSettings.destinationArn', 'remote'),
        ('region', 'aws-region'),
    ),
    'aws:apigateway/usagePlan:UsagePlan': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/usagePlanKey:UsagePlanKey': (
        ('region', 'aws-region'),
    ),
    'aws:apigateway/vpcLink:VpcLink': (
        ('region', 'aws-region'),
        ('targetArn', 'reference'),
    ),
    'aws:apigatewayv2/api:Api': (
        ('credentialsArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:apigatewayv2/apiMapping:ApiMapping': (
        ('region', 'aws-region'),
    ),
    'aws:apigatewayv2/authorizer:Authorizer': (
        ('authorizerCredentialsArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:apigatewayv2/deployment:Deployment': (
        ('region', 'aws-region'),
    ),
    'aws:apigatewayv2/domainName:DomainName': (
        ('domainNameConfiguration.certificateArn', 'reference'),
        ('domainNameConfiguration.ownershipVerificationCertificateArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:apigatewayv2/integration:Integration': (
        ('credentialsArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:apigatewayv2/integrationResponse:IntegrationResponse': (
        ('region', 'aws-region'),
    ),
    'aws:apigatewayv2/model:Model': (
        ('region', 'aws-region'),
    ),
    'aws:apigatewayv2/route:Route': (
        ('region', 'aws-region'),
    ),
    'aws:apigatewayv2/routeResponse:RouteResponse': (
        ('region', 'aws-region'),
    ),
    'aws:apigatewayv2/routingRule:RoutingRule': (
        ('region', 'aws-region'),
    ),
    'aws:apigatewayv2/stage:Stage': (
        ('accessLogSettings.destinationArn', 'remote'),
        ('region', 'aws-region'),
    ),
    'aws:apigatewayv2/vpcLink:VpcLink': (
        ('region', 'aws-region'),
    ),
    'aws:appautoscaling/policy:Policy': (
        ('region', 'aws-region'),
    ),
    'aws:appautoscaling/scheduledAction:ScheduledAction': (
        ('region', 'aws-region'),
    ),
    'aws:appautoscaling/target:Target': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:appconfig/application:Application': (
        ('region', 'aws-region'),
    ),
    'aws:appconfig/configurationProfile:ConfigurationProfile': (
        ('region', 'aws-region'),
        ('retrievalRoleArn', 'reference'),
    ),
    'aws:appconfig/deployment:Deployment': (
        ('region', 'aws-region'),
    ),
    'aws:appconfig/deploymentStrategy:DeploymentStrategy': (
        ('region', 'aws-region'),
    ),
    'aws:appconfig/environment:Environment': (
        ('monitors[].alarmArn', 'reference'),
        ('monitors[].alarmRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:appconfig/eventIntegration:EventIntegration': (
        ('region', 'aws-region'),
    ),
    'aws:appconfig/extension:Extension': (
        ('actionPoints[].actions[].roleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:appconfig/extensionAssociation:ExtensionAssociation': (
        ('extensionArn', 'reference'),
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:appconfig/hostedConfigurationVersion:HostedConfigurationVersion': (
        ('region', 'aws-region'),
    ),
    'aws:appfabric/appAuthorization:AppAuthorization': (
        ('appBundleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:appfabric/appAuthorizationConnection:AppAuthorizationConnection': (
        ('appAuthorizationArn', 'reference'),
        ('appBundleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:appfabric/appBundle:AppBundle': (
        ('customerManagedKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:appfabric/ingestion:Ingestion': (
        ('appBundleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:appfabric/ingestionDestination:IngestionDestination': (
        ('appBundleArn', 'reference'),
        ('ingestionArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:appflow/connectorProfile:ConnectorProfile': (
        ('connectorProfileConfig.connectorProfileCredentials.salesforce.clientCredentialsArn', 'reference'),
        ('connectorProfileConfig.connectorProfileProperties.redshift.dataApiRoleArn', 'reference'),
        ('connectorProfileConfig.connectorProfileProperties.redshift.roleArn', 'reference'),
        ('connectorProfileConfig.connectorProfileProperties.snowflake.region', 'aws-region'),
        ('kmsArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:appflow/flow:Flow': (
        ('destinationFlowConfigs[].destinationConnectorProperties.redshift.intermediateBucketName', 'remote'),
        ('destinationFlowConfigs[].destinationConnectorProperties.snowflake.intermediateBucketName', 'remote'),
        ('kmsArn', 'reference'),
        ('metadataCatalogConfig.glueDataCatalog.roleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:appintegrations/dataIntegration:DataIntegration': (
        ('kmsKey', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:applicationinsights/application:Application': (
        ('opsItemSnsTopicArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:appmesh/gatewayRoute:GatewayRoute': (
        ('region', 'aws-region'),
    ),
    'aws:appmesh/mesh:Mesh': (
        ('region', 'aws-region'),
    ),
    'aws:appmesh/route:Route': (
        ('region', 'aws-region'),
    ),
    'aws:appmesh/virtualGateway:VirtualGateway': (
        ('region', 'aws-region'),
        ('spec.backendDefaults.clientPolicy.tls.validation.trust.acm.certificateAuthorityArns', 'reference'),
        ('spec.listeners[].tls.certificate.acm.certificateArn', 'reference'),
    ),
    'aws:appmesh/virtualNode:VirtualNode': (
        ('region', 'aws-region'),
        ('spec.backendDefaults.clientPolicy.tls.validation.trust.acm.certificateAuthorityArns', 'reference'),
        ('spec.backends[].virtualService.clientPolicy.tls.validation.trust.acm.certificateAuthorityArns', 'reference'),
        ('spec.listeners[].tls.certificate.acm.certificateArn', 'reference'),
    ),
    'aws:appmesh/virtualRouter:VirtualRouter': (
        ('region', 'aws-region'),
    ),
    'aws:appmesh/virtualService:VirtualService': (
        ('region', 'aws-region'),
    ),
    'aws:apprunner/autoScalingConfigurationVersion:AutoScalingConfigurationVersion': (
        ('region', 'aws-region'),
    ),
    'aws:apprunner/connection:Connection': (
        ('region', 'aws-region'),
    ),
    'aws:apprunner/customDomainAssociation:CustomDomainAssociation': (
        ('region', 'aws-region'),
        ('serviceArn', 'reference'),
    ),
    'aws:apprunner/defaultAutoScalingConfigurationVersion:DefaultAutoScalingConfigurationVersion': (
        ('autoScalingConfigurationArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:apprunner/deployment:Deployment': (
        ('region', 'aws-region'),
        ('serviceArn', 'reference'),
    ),
    'aws:apprunner/observabilityConfiguration:ObservabilityConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:apprunner/service:Service': (
        ('autoScalingConfigurationArn', 'reference'),
        ('encryptionConfiguration.kmsKey', 'reference'),
        ('instanceConfiguration.instanceRoleArn', 'reference'),
        ('networkConfiguration.egressConfiguration.vpcConnectorArn', 'reference'),
        ('observabilityConfiguration.observabilityConfigurationArn', 'reference'),
        ('region', 'aws-region'),
        ('sourceConfiguration.authenticationConfiguration.accessRoleArn', 'reference'),
        ('sourceConfiguration.authenticationConfiguration.connectionArn', 'reference'),
    ),
    'aws:apprunner/vpcConnector:VpcConnector': (
        ('region', 'aws-region'),
    ),
    'aws:apprunner/vpcIngressConnection:VpcIngressConnection': (
        ('region', 'aws-region'),
        ('serviceArn', 'reference'),
    ),
    'aws:appstream/directoryConfig:DirectoryConfig': (
        ('certificateBasedAuthProperties.certificateAuthorityArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:appstream/fleet:Fleet': (
        ('iamRoleArn', 'reference'),
        ('imageArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:appstream/fleetStackAssociation:FleetStackAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:appstream/imageBuilder:ImageBuilder': (
        ('iamRoleArn', 'reference'),
        ('imageArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:appstream/stack:Stack': (
        ('region', 'aws-region'),
    ),
    'aws:appstream/user:User': (
        ('region', 'aws-region'),
    ),
    'aws:appstream/userStackAssociation:UserStackAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:appsync/api:Api': (
        ('eventConfig.authProviders[].cognitoConfig.awsRegion', 'aws-region'),
        ('eventConfig.logConfig.cloudwatchLogsRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:appsync/apiCache:ApiCache': (
        ('region', 'aws-region'),
    ),
    'aws:appsync/apiKey:ApiKey': (
        ('region', 'aws-region'),
    ),
    'aws:appsync/channelNamespace:ChannelNamespace': (
        ('region', 'aws-region'),
    ),
    'aws:appsync/dataSource:DataSource': (
        ('dynamodbConfig.region', 'aws-region'),
        ('elasticsearchConfig.region', 'aws-region'),
        ('eventBridgeConfig.eventBusArn', 'reference'),
        ('httpConfig.authorizationConfig.awsIamConfig.signingRegion', 'aws-region'),
        ('lambdaConfig.functionArn', 'reference'),
        ('opensearchserviceConfig.region', 'aws-region'),
        ('region', 'aws-region'),
        ('relationalDatabaseConfig.httpEndpointConfig.awsSecretStoreArn', 'reference'),
        ('relationalDatabaseConfig.httpEndpointConfig.region', 'aws-region'),
        ('serviceRoleArn', 'reference'),
    ),
    'aws:appsync/domainName:DomainName': (
        ('certificateArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:appsync/domainNameApiAssociation:DomainNameApiAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:appsync/function:Function': (
        ('region', 'aws-region'),
        ('syncConfig.lambdaConflictHandlerConfig.lambdaConflictHandlerArn', 'reference'),
    ),
    'aws:appsync/graphQLApi:GraphQLApi': (
        ('additionalAuthenticationProviders[].userPoolConfig.awsRegion', 'aws-region'),
        ('logConfig.cloudwatchLogsRoleArn', 'reference'),
        ('mergedApiExecutionRoleArn', 'reference'),
        ('region', 'aws-region'),
        ('userPoolConfig.awsRegion', 'aws-region'),
    ),
    'aws:appsync/resolver:Resolver': (
        ('region', 'aws-region'),
        ('syncConfig.lambdaConflictHandlerConfig.lambdaConflictHandlerArn', 'reference'),
    ),
    'aws:appsync/sourceApiAssociation:SourceApiAssociation': (
        ('mergedApiArn', 'reference'),
        ('region', 'aws-region'),
        ('sourceApiArn', 'reference'),
    ),
    'aws:appsync/type:Type': (
        ('region', 'aws-region'),
    ),
    'aws:arcregionswitch/plan:Plan': (
        ('primaryRegion', 'aws-region'),
        ('region', 'aws-region'),
        ('regions', 'aws-region'),
        ('triggers[].targetRegion', 'aws-region'),
        ('workflows[].steps[].arcRoutingControlConfigs[].regionAndRoutingControls[].region', 'aws-region'),
        ('workflows[].steps[].arcRoutingControlConfigs[].regionAndRoutingControls[].routingControls[].routingControlArn', 'reference'),
        ('workflows[].steps[].customActionLambdaConfigs[].lambdas[].arn', 'reference'),
        ('workflows[].steps[].documentDbConfigs[].databaseClusterArns', 'reference'),
        ('workflows[].steps[].ec2AsgCapacityIncreaseConfigs[].asgs[].arn', 'reference'),
        ('workflows[].steps[].ecsCapacityIncreaseConfigs[].services[].clusterArn', 'reference'),
        ('workflows[].steps[].ecsCapacityIncreaseConfigs[].services[].serviceArn', 'reference'),
        ('workflows[].steps[].eksResourceScalingConfigs[].eksClusters[].clusterArn', 'reference'),
        ('workflows[].steps[].globalAuroraConfigs[].databaseClusterArns', 'reference'),
        ('workflows[].steps[].lambdaEventSourceMappingConfigs[].regionEventSourceMappings[].arn', 'reference'),
        ('workflows[].steps[].lambdaEventSourceMappingConfigs[].regionEventSourceMappings[].region', 'aws-region'),
        ('workflows[].steps[].parallelConfigs[].steps[].arcRoutingControlConfigs[].regionAndRoutingControls[].region', 'aws-region'),
        ('workflows[].steps[].parallelConfigs[].steps[].arcRoutingControlConfigs[].regionAndRoutingControls[].routingControls[].routingControlArn', 'reference'),
        ('workflows[].steps[].parallelConfigs[].steps[].customActionLambdaConfigs[].lambdas[].arn', 'reference'),
        ('workflows[].steps[].parallelConfigs[].steps[].documentDbConfigs[].databaseClusterArns', 'reference'),
        ('workflows[].steps[].parallelConfigs[].steps[].ec2AsgCapacityIncreaseConfigs[].asgs[].arn', 'reference'),
        ('workflows[].steps[].parallelConfigs[].steps[].ecsCapacityIncreaseConfigs[].services[].clusterArn', 'reference'),
        ('workflows[].steps[].parallelConfigs[].steps[].ecsCapacityIncreaseConfigs[].services[].serviceArn', 'reference'),
        ('workflows[].steps[].parallelConfigs[].steps[].eksResourceScalingConfigs[].eksClusters[].clusterArn', 'reference'),
        ('workflows[].steps[].parallelConfigs[].steps[].globalAuroraConfigs[].databaseClusterArns', 'reference'),
        ('workflows[].steps[].parallelConfigs[].steps[].lambdaEventSourceMappingConfigs[].regionEventSourceMappings[].arn', 'reference'),
        ('workflows[].steps[].parallelConfigs[].steps[].lambdaEventSourceMappingConfigs[].regionEventSourceMappings[].region', 'aws-region'),
        ('workflows[].steps[].parallelConfigs[].steps[].regionSwitchPlanConfigs[].arn', 'reference'),
        ('workflows[].steps[].parallelConfigs[].steps[].route53HealthCheckConfigs[].recordSets[].region', 'aws-region'),
        ('workflows[].steps[].regionSwitchPlanConfigs[].arn', 'reference'),
        ('workflows[].steps[].route53HealthCheckConfigs[].recordSets[].region', 'aws-region'),
        ('workflows[].workflowTargetRegion', 'aws-region'),
    ),
    'aws:arczonalshift/autoshiftObserverNotificationStatus:AutoshiftObserverNotificationStatus': (
        ('region', 'aws-region'),
    ),
    'aws:arczonalshift/zonalAutoshiftConfiguration:ZonalAutoshiftConfiguration': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:athena/capacityReservation:CapacityReservation': (
        ('region', 'aws-region'),
    ),
    'aws:athena/dataCatalog:DataCatalog': (
        ('region', 'aws-region'),
    ),
    'aws:athena/database:Database': (
        ('encryptionConfiguration.kmsKey', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:athena/namedQuery:NamedQuery': (
        ('region', 'aws-region'),
    ),
    'aws:athena/preparedStatement:PreparedStatement': (
        ('region', 'aws-region'),
    ),
    'aws:athena/workgroup:Workgroup': (
        ('configuration.customerContentEncryptionConfiguration.kmsKey', 'reference'),
        ('configuration.identityCenterConfiguration.identityCenterInstanceArn', 'reference'),
        ('configuration.managedQueryResultsConfiguration.encryptionConfiguration.kmsKey', 'reference'),
        ('configuration.monitoringConfiguration.managedLoggingConfiguration.kmsKey', 'reference'),
        ('configuration.monitoringConfiguration.s3LoggingConfiguration.kmsKey', 'reference'),
        ('configuration.resultConfiguration.encryptionConfiguration.kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:auditmanager/accountRegistration:AccountRegistration': (
        ('kmsKey', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:auditmanager/assessment:Assessment': (
        ('region', 'aws-region'),
        ('roles[].roleArn', 'reference'),
    ),
    'aws:auditmanager/assessmentDelegation:AssessmentDelegation': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:auditmanager/assessmentReport:AssessmentReport': (
        ('region', 'aws-region'),
    ),
    'aws:auditmanager/control:Control': (
        ('region', 'aws-region'),
    ),
    'aws:auditmanager/framework:Framework': (
        ('region', 'aws-region'),
    ),
    'aws:auditmanager/frameworkShare:FrameworkShare': (
        ('destinationRegion', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:auditmanager/organizationAdminAccountRegistration:OrganizationAdminAccountRegistration': (
        ('region', 'aws-region'),
    ),
    'aws:autoscaling/attachment:Attachment': (
        ('lbTargetGroupArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:autoscaling/group:Group': (
        ('capacityReservationSpecification.capacityReservationTarget.capacityReservationResourceGroupArns', 'reference'),
        ('initialLifecycleHooks[].notificationTargetArn', 'reference'),
        ('initialLifecycleHooks[].roleArn', 'reference'),
        ('region', 'aws-region'),
        ('serviceLinkedRoleArn', 'reference'),
        ('targetGroupArns', 'reference'),
    ),
    'aws:autoscaling/lifecycleHook:LifecycleHook': (
        ('notificationTargetArn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:autoscaling/notification:Notification': (
        ('region', 'aws-region'),
        ('topicArn', 'reference'),
    ),
    'aws:autoscaling/policy:Policy': (
        ('region', 'aws-region'),
    ),
    'aws:autoscaling/schedule:Schedule': (
        ('region', 'aws-region'),
    ),
    'aws:autoscaling/tag:Tag': (
        ('region', 'aws-region'),
    ),
    'aws:autoscaling/trafficSourceAttachment:TrafficSourceAttachment': (
        ('region', 'aws-region'),
    ),
    'aws:autoscalingplans/scalingPlan:ScalingPlan': (
        ('applicationSource.cloudformationStackArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:backup/framework:Framework': (
        ('region', 'aws-region'),
    ),
    'aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault': (
        ('encryptionKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:backup/plan:Plan': (
        ('region', 'aws-region'),
        ('rules[].copyActions[].destinationVaultArn', 'remote'),
        ('rules[].targetLogicallyAirGappedBackupVaultArn', 'reference'),
        ('scanSettings[].scannerRoleArn', 'reference'),
    ),
    'aws:backup/regionSettings:RegionSettings': (
        ('region', 'aws-region'),
    ),
    'aws:backup/reportPlan:ReportPlan': (
        ('region', 'aws-region'),
        ('reportSetting.frameworkArns', 'reference'),
        ('reportSetting.regions', 'aws-region'),
    ),
    'aws:backup/restoreTestingPlan:RestoreTestingPlan': (
        ('region', 'aws-region'),
    ),
    'aws:backup/restoreTestingSelection:RestoreTestingSelection': (
        ('iamRoleArn', 'reference'),
        ('protectedResourceArns', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:backup/selection:Selection': (
        ('iamRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:backup/vault:Vault': (
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:backup/vaultLockConfiguration:VaultLockConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:backup/vaultNotifications:VaultNotifications': (
        ('region', 'aws-region'),
        ('snsTopicArn', 'reference'),
    ),
    'aws:backup/vaultPolicy:VaultPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:batch/computeEnvironment:ComputeEnvironment': (
        ('eksConfiguration.eksClusterArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:batch/jobDefinition:JobDefinition': (
        ('region', 'aws-region'),
    ),
    'aws:batch/jobQueue:JobQueue': (
        ('region', 'aws-region'),
        ('schedulingPolicyArn', 'reference'),
    ),
    'aws:batch/schedulingPolicy:SchedulingPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:bcmdata/export:Export': (
        ('export.destinationConfigurations[].s3Destinations[].s3Bucket', 'remote'),
        ('export.destinationConfigurations[].s3Destinations[].s3Region', 'aws-region'),
        ('export.exportArn', 'reference'),
    ),
    'aws:bedrock/agentAgent:AgentAgent': (
        ('agentResourceRoleArn', 'reference'),
        ('customerEncryptionKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentAgentActionGroup:AgentAgentActionGroup': (
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentAgentAlias:AgentAgentAlias': (
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentAgentCollaborator:AgentAgentCollaborator': (
        ('agentDescriptor.aliasArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentAgentKnowledgeBaseAssociation:AgentAgentKnowledgeBaseAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentDataSource:AgentDataSource': (
        ('dataSourceConfiguration.confluenceConfiguration.sourceConfiguration.credentialsSecretArn', 'reference'),
        ('dataSourceConfiguration.s3Configuration.bucketArn', 'reference'),
        ('dataSourceConfiguration.salesforceConfiguration.sourceConfiguration.credentialsSecretArn', 'reference'),
        ('dataSourceConfiguration.sharePointConfiguration.sourceConfiguration.credentialsSecretArn', 'reference'),
        ('region', 'aws-region'),
        ('serverSideEncryptionConfiguration.kmsKeyArn', 'reference'),
        ('vectorIngestionConfiguration.contextEnrichmentConfiguration.bedrockFoundationModelConfiguration.modelArn', 'reference'),
        ('vectorIngestionConfiguration.customTransformationConfiguration.transformation.transformationFunction.transformationLambdaConfiguration.lambdaArn', 'reference'),
        ('vectorIngestionConfiguration.parsingConfiguration.bedrockFoundationModelConfiguration.modelArn', 'reference'),
    ),
    'aws:bedrock/agentFlow:AgentFlow': (
        ('customerEncryptionKeyArn', 'reference'),
        ('definition.nodes[].configuration.agent.agentAliasArn', 'reference'),
        ('definition.nodes[].configuration.lambdaFunction.lambdaArn', 'reference'),
        ('definition.nodes[].configuration.lex.botAliasArn', 'reference'),
        ('definition.nodes[].configuration.prompt.sourceConfiguration.resource.promptArn', 'reference'),
        ('executionRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentKnowledgeBase:AgentKnowledgeBase': (
        ('knowledgeBaseConfiguration.kendraKnowledgeBaseConfiguration.kendraIndexArn', 'reference'),
        ('knowledgeBaseConfiguration.managedKnowledgeBaseConfiguration.embeddingModelArn', 'reference'),
        ('knowledgeBaseConfiguration.managedKnowledgeBaseConfiguration.serverSideEncryptionConfiguration.kmsKeyArn', 'reference'),
        ('knowledgeBaseConfiguration.sqlKnowledgeBaseConfiguration.redshiftConfiguration.queryEngineConfiguration.provisionedConfiguration.authConfiguration.usernamePasswordSecretArn', 'reference'),
        ('knowledgeBaseConfiguration.sqlKnowledgeBaseConfiguration.redshiftConfiguration.queryEngineConfiguration.serverlessConfiguration.authConfiguration.usernamePasswordSecretArn', 'reference'),
        ('knowledgeBaseConfiguration.sqlKnowledgeBaseConfiguration.redshiftConfiguration.queryEngineConfiguration.serverlessConfiguration.workgroupArn', 'reference'),
        ('knowledgeBaseConfiguration.vectorKnowledgeBaseConfiguration.embeddingModelArn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
        ('storageConfiguration.mongoDbAtlasConfiguration.credentialsSecretArn', 'reference'),
        ('storageConfiguration.neptuneAnalyticsConfiguration.graphArn', 'reference'),
        ('storageConfiguration.opensearchManagedClusterConfiguration.domainArn', 'reference'),
        ('storageConfiguration.opensearchServerlessConfiguration.collectionArn', 'reference'),
        ('storageConfiguration.pineconeConfiguration.credentialsSecretArn', 'reference'),
        ('storageConfiguration.rdsConfiguration.credentialsSecretArn', 'reference'),
        ('storageConfiguration.rdsConfiguration.resourceArn', 'reference'),
        ('storageConfiguration.redisEnterpriseCloudConfiguration.credentialsSecretArn', 'reference'),
        ('storageConfiguration.s3VectorsConfiguration.indexArn', 'reference'),
        ('storageConfiguration.s3VectorsConfiguration.vectorBucketArn', 'reference'),
    ),
    'aws:bedrock/agentPrompt:AgentPrompt': (
        ('customerEncryptionKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime': (
        ('authorizerConfiguration.customJwtAuthorizer.allowedWorkloadConfiguration.hostingEnvironments[].arn', 'reference'),
        ('filesystemConfigurations[].efsAccessPoint.accessPointArn', 'reference'),
        ('filesystemConfigurations[].s3FilesAccessPoint.accessPointArn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:bedrock/agentcoreAgentRuntimeEndpoint:AgentcoreAgentRuntimeEndpoint': (
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentcoreApiKeyCredentialProvider:AgentcoreApiKeyCredentialProvider': (
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentcoreBrowser:AgentcoreBrowser': (
        ('certificates[].location.secretsManager.secretArn', 'reference'),
        ('executionRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentcoreBrowserProfile:AgentcoreBrowserProfile': (
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter': (
        ('certificates[].location.secretsManager.secretArn', 'reference'),
        ('executionRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentcoreEvaluator:AgentcoreEvaluator': (
        ('evaluatorConfig.codeBased.lambdaConfig.lambdaArn', 'reference'),
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentcoreGateway:AgentcoreGateway': (
        ('authorizerConfiguration.customJwtAuthorizer.allowedWorkloadConfiguration.hostingEnvironments[].arn', 'reference'),
        ('interceptorConfigurations[].interceptor.lambda.arn', 'reference'),
        ('kmsKeyArn', 'reference'),
        ('policyEngineConfiguration.arn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:bedrock/agentcoreGatewayRule:AgentcoreGatewayRule': (
        ('actions[].configurationBundle.staticOverride.bundleArn', 'reference'),
        ('actions[].configurationBundle.weightedOverride.trafficSplits[].configurationBundle.bundleArn', 'reference'),
        ('conditions[].matchPrincipals.anyOfs[].iamPrincipal.arn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentcoreGatewayTarget:AgentcoreGatewayTarget': (
        ('credentialProviderConfiguration.apiKey.providerArn', 'reference'),
        ('credentialProviderConfiguration.callerIamCredentials.region', 'aws-region'),
        ('credentialProviderConfiguration.gatewayIamRole.region', 'aws-region'),
        ('credentialProviderConfiguration.oauth.providerArn', 'reference'),
        ('region', 'aws-region'),
        ('targetConfiguration.http.agentcoreRuntime.arn', 'reference'),
        ('targetConfiguration.mcp.lambda.lambdaArn', 'reference'),
    ),
    'aws:bedrock/agentcoreHarness:AgentcoreHarness': (
        ('authorizerConfiguration.customJwtAuthorizer.allowedWorkloadConfiguration.hostingEnvironments[].arn', 'reference'),
        ('environments[].agentcoreRuntimeEnvironments[].agentRuntimeArn', 'reference'),
        ('environments[].agentcoreRuntimeEnvironments[].filesystemConfigurations[].efsAccessPoints[].accessPointArn', 'reference'),
        ('environments[].agentcoreRuntimeEnvironments[].filesystemConfigurations[].s3FilesAccessPoints[].accessPointArn', 'reference'),
        ('executionRoleArn', 'reference'),
        ('memory.agentcoreMemoryConfiguration.arn', 'reference'),
        ('memory.managedMemoryConfiguration.arn', 'reference'),
        ('memory.managedMemoryConfiguration.encryptionKeyArn', 'reference'),
        ('model.geminiModelConfig.apiKeyArn', 'reference'),
        ('model.litellmModelConfig.apiKeyArn', 'reference'),
        ('model.openaiModelConfig.apiKeyArn', 'reference'),
        ('region', 'aws-region'),
        ('skills[].git.auth.credentialArn', 'reference'),
        ('tools[].config.agentcoreBrowser.browserArn', 'reference'),
        ('tools[].config.agentcoreCodeInterpreter.codeInterpreterArn', 'reference'),
        ('tools[].config.agentcoreGateway.gatewayArn', 'reference'),
        ('tools[].config.agentcoreGateway.outboundAuth.oauth.providerArn', 'reference'),
    ),
    'aws:bedrock/agentcoreMemory:AgentcoreMemory': (
        ('encryptionKeyArn', 'reference'),
        ('memoryExecutionRoleArn', 'reference'),
        ('region', 'aws-region'),
        ('streamDeliveryResources.resource.kinesis.dataStreamArn', 'reference'),
    ),
    'aws:bedrock/agentcoreMemoryStrategy:AgentcoreMemoryStrategy': (
        ('configuration.selfManagedConfiguration.invocationConfiguration.topicArn', 'reference'),
        ('memoryExecutionRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentcoreOauth2CredentialProvider:AgentcoreOauth2CredentialProvider': (
        ('oauth2ProviderConfig.customOauth2ProviderConfig.privateKeyJwtConfig.privateKeySource.kmsKeySource.kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentcoreOnlineEvaluationConfig:AgentcoreOnlineEvaluationConfig': (
        ('evaluationExecutionRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentcorePolicy:AgentcorePolicy': (
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentcorePolicyEngine:AgentcorePolicyEngine': (
        ('encryptionKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentcoreRegistry:AgentcoreRegistry': (
        ('authorizerConfiguration.customJwtAuthorizer.allowedWorkloadConfiguration.hostingEnvironments[].arn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentcoreResourcePolicy:AgentcoreResourcePolicy': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:bedrock/agentcoreTokenVaultCmk:AgentcoreTokenVaultCmk': (
        ('kmsConfiguration.kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:bedrock/agentcoreWorkloadIdentity:AgentcoreWorkloadIdentity': (
        ('region', 'aws-region'),
    ),
    'aws:bedrock/customModel:CustomModel': (
        ('customModelKmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:bedrock/evaluationJob:EvaluationJob': (
        ('evaluationConfig.human.humanWorkflowConfig.flowDefinitionArn', 'reference'),
        ('inferenceConfig.ragConfig.knowledgeBaseConfig.retrieveAndGenerateConfig.modelArn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:bedrock/guardrail:Guardrail': (
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:bedrock/guardrailVersion:GuardrailVersion': (
        ('guardrailArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:bedrock/inferenceProfile:InferenceProfile': (
        ('region', 'aws-region'),
    ),
    'aws:bedrock/provisionedModelThroughput:ProvisionedModelThroughput': (
        ('modelArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:bedrockfoundation/modelAgreement:ModelAgreement': (
        ('region', 'aws-region'),
    ),
    'aws:bedrockmodel/invocationJob:InvocationJob': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration': (
        ('loggingConfig.cloudwatchConfig.roleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:budgets/budget:Budget': (
        ('billingViewArn', 'reference'),
        ('notifications[].subscriberSnsTopicArns', 'reference'),
    ),
    'aws:budgets/budgetAction:BudgetAction': (
        ('definition.iamActionDefinition.policyArn', 'reference'),
        ('definition.ssmActionDefinition.region', 'aws-region'),
        ('executionRoleArn', 'reference'),
    ),
    'aws:cfg/aggregateAuthorization:AggregateAuthorization': (
        ('authorizedAwsRegion', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:cfg/configurationAggregator:ConfigurationAggregator': (
        ('accountAggregationSource.regions', 'aws-region'),
        ('organizationAggregationSource.regions', 'aws-region'),
        ('organizationAggregationSource.roleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cfg/conformancePack:ConformancePack': (
        ('region', 'aws-region'),
    ),
    'aws:cfg/deliveryChannel:DeliveryChannel': (
        ('region', 'aws-region'),
        ('s3KmsKeyArn', 'reference'),
        ('snsTopicArn', 'reference'),
    ),
    'aws:cfg/organizationConformancePack:OrganizationConformancePack': (
        ('region', 'aws-region'),
    ),
    'aws:cfg/organizationCustomPolicyRule:OrganizationCustomPolicyRule': (
        ('region', 'aws-region'),
    ),
    'aws:cfg/organizationCustomRule:OrganizationCustomRule': (
        ('lambdaFunctionArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cfg/organizationManagedRule:OrganizationManagedRule': (
        ('region', 'aws-region'),
    ),
    'aws:cfg/recorder:Recorder': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:cfg/recorderStatus:RecorderStatus': (
        ('region', 'aws-region'),
    ),
    'aws:cfg/remediationConfiguration:RemediationConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:cfg/retentionConfiguration:RetentionConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:cfg/rule:Rule': (
        ('region', 'aws-region'),
    ),
    'aws:chatbot/slackChannelConfiguration:SlackChannelConfiguration': (
        ('guardrailPolicyArns', 'reference'),
        ('iamRoleArn', 'reference'),
        ('region', 'aws-region'),
        ('snsTopicArns', 'reference'),
    ),
    'aws:chatbot/teamsChannelConfiguration:TeamsChannelConfiguration': (
        ('guardrailPolicyArns', 'reference'),
        ('iamRoleArn', 'reference'),
        ('region', 'aws-region'),
        ('snsTopicArns', 'reference'),
    ),
    'aws:chime/sdkvoiceSipMediaApplication:SdkvoiceSipMediaApplication': (
        ('awsRegion', 'aws-region'),
        ('endpoints.lambdaArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:chime/sdkvoiceSipRule:SdkvoiceSipRule': (
        ('region', 'aws-region'),
        ('targetApplications[].awsRegion', 'aws-region'),
    ),
    'aws:chime/sdkvoiceVoiceProfileDomain:SdkvoiceVoiceProfileDomain': (
        ('region', 'aws-region'),
        ('serverSideEncryptionConfiguration.kmsKeyArn', 'reference'),
    ),
    'aws:chime/voiceConnector:VoiceConnector': (
        ('awsRegion', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:chime/voiceConnectorGroup:VoiceConnectorGroup': (
        ('region', 'aws-region'),
    ),
    'aws:chime/voiceConnectorLogging:VoiceConnectorLogging': (
        ('region', 'aws-region'),
    ),
    'aws:chime/voiceConnectorOrigination:VoiceConnectorOrigination': (
        ('region', 'aws-region'),
    ),
    'aws:chime/voiceConnectorStreaming:VoiceConnectorStreaming': (
        ('mediaInsightsConfiguration.configurationArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:chime/voiceConnectorTermination:VoiceConnectorTermination': (
        ('callingRegions', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:chime/voiceConnectorTerminationCredentials:VoiceConnectorTerminationCredentials': (
        ('region', 'aws-region'),
    ),
    'aws:chimesdkmediapipelines/mediaInsightsPipelineConfiguration:MediaInsightsPipelineConfiguration': (
        ('elements[].amazonTranscribeCallAnalyticsProcessorConfiguration.postCallAnalyticsSettings.dataAccessRoleArn', 'reference'),
        ('elements[].amazonTranscribeCallAnalyticsProcessorConfiguration.postCallAnalyticsSettings.outputEncryptionKmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('resourceAccessRoleArn', 'reference'),
    ),
    'aws:cleanrooms/collaboration:Collaboration': (
        ('region', 'aws-region'),
    ),
    'aws:cleanrooms/configuredTable:ConfiguredTable': (
        ('region', 'aws-region'),
    ),
    'aws:cleanrooms/membership:Membership': (
        ('defaultResultConfiguration.roleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cloud9/environmentEC2:EnvironmentEC2': (
        ('ownerArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cloud9/environmentMembership:EnvironmentMembership': (
        ('region', 'aws-region'),
        ('userArn', 'reference'),
    ),
    'aws:cloudcontrol/resource:Resource': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:cloudformation/cloudFormationType:CloudFormationType': (
        ('executionRoleArn', 'reference'),
        ('loggingConfig.logRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cloudformation/stack:Stack': (
        ('iamRoleArn', 'reference'),
        ('notificationArns', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cloudformation/stackInstances:StackInstances': (
        ('region', 'aws-region'),
        ('regions', 'aws-region'),
    ),
    'aws:cloudformation/stackSet:StackSet': (
        ('administrationRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cloudformation/stackSetInstance:StackSetInstance': (
        ('region', 'aws-region'),
        ('stackSetInstanceRegion', 'aws-region'),
    ),
    'aws:cloudfront/connectionFunction:ConnectionFunction': (
        ('connectionFunctionConfig.keyValueStoreAssociation.keyValueStoreArn', 'reference'),
    ),
    'aws:cloudfront/distribution:Distribution': (
        ('defaultCacheBehavior.functionAssociations[].functionArn', 'reference'),
        ('defaultCacheBehavior.lambdaFunctionAssociations[].lambdaArn', 'reference'),
        ('defaultCacheBehavior.realtimeLogConfigArn', 'reference'),
        ('orderedCacheBehaviors[].functionAssociations[].functionArn', 'reference'),
        ('orderedCacheBehaviors[].lambdaFunctionAssociations[].lambdaArn', 'reference'),
        ('orderedCacheBehaviors[].realtimeLogConfigArn', 'reference'),
        ('origins[].customOriginConfig.originMtlsConfig.clientCertificateArn', 'reference'),
        ('origins[].originShield.originShieldRegion', 'aws-region'),
        ('viewerCertificate.acmCertificateArn', 'reference'),
    ),
    'aws:cloudfront/distributionTenant:DistributionTenant': (
        ('customizations.certificate.arn', 'reference'),
        ('customizations.webAcl.arn', 'reference'),
    ),
    'aws:cloudfront/keyvaluestoreKey:KeyvaluestoreKey': (
        ('keyValueStoreArn', 'reference'),
    ),
    'aws:cloudfront/keyvaluestoreKeysExclusive:KeyvaluestoreKeysExclusive': (
        ('keyValueStoreArn', 'reference'),
    ),
    'aws:cloudfront/multitenantDistribution:MultitenantDistribution': (
        ('cacheBehaviors[].functionAssociations[].functionArn', 'reference'),
        ('cacheBehaviors[].lambdaFunctionAssociations[].lambdaFunctionArn', 'reference'),
        ('cacheBehaviors[].realtimeLogConfigArn', 'reference'),
        ('defaultCacheBehavior.functionAssociations[].functionArn', 'reference'),
        ('defaultCacheBehavior.lambdaFunctionAssociations[].lambdaFunctionArn', 'reference'),
        ('defaultCacheBehavior.realtimeLogConfigArn', 'reference'),
        ('origins[].customOriginConfigs[].originMtlsConfig.clientCertificateArn', 'reference'),
        ('origins[].originShields[].originShieldRegion', 'aws-region'),
        ('viewerCertificate.acmCertificateArn', 'reference'),
    ),
    'aws:cloudfront/realtimeLogConfig:RealtimeLogConfig': (
        ('endpoint.kinesisStreamConfig.roleArn', 'reference'),
        ('endpoint.kinesisStreamConfig.streamArn', 'reference'),
    ),
    'aws:cloudfront/trustStore:TrustStore': (
        ('caCertificatesBundleSource.caCertificatesBundleS3Location.region', 'aws-region'),
    ),
    'aws:cloudfront/vpcOrigin:VpcOrigin': (
        ('vpcOriginEndpointConfig.arn', 'reference'),
    ),
    'aws:cloudhsmv2/cluster:Cluster': (
        ('region', 'aws-region'),
    ),
    'aws:cloudhsmv2/hsm:Hsm': (
        ('region', 'aws-region'),
    ),
    'aws:cloudsearch/domain:Domain': (
        ('region', 'aws-region'),
    ),
    'aws:cloudsearch/domainServiceAccessPolicy:DomainServiceAccessPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:cloudtrail/eventDataStore:EventDataStore': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cloudtrail/trail:Trail': (
        ('cloudWatchLogsGroupArn', 'reference'),
        ('cloudWatchLogsRoleArn', 'reference'),
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/alarmMuteRule:AlarmMuteRule': (
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/compositeAlarm:CompositeAlarm': (
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/contributorInsightRule:ContributorInsightRule': (
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/contributorManagedInsightRule:ContributorManagedInsightRule': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:cloudwatch/dashboard:Dashboard': (
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/eventApiDestination:EventApiDestination': (
        ('connectionArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/eventArchive:EventArchive': (
        ('eventSourceArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/eventBus:EventBus': (
        ('deadLetterConfig.arn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/eventBusPolicy:EventBusPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/eventConnection:EventConnection': (
        ('authParameters.connectivityParameters.resourceParameters.resourceAssociationArn', 'reference'),
        ('authParameters.connectivityParameters.resourceParameters.resourceConfigurationArn', 'reference'),
        ('invocationConnectivityParameters.resourceParameters.resourceAssociationArn', 'reference'),
        ('invocationConnectivityParameters.resourceParameters.resourceConfigurationArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/eventEndpoint:EventEndpoint': (
        ('eventBuses[].eventBusArn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:cloudwatch/eventPermission:EventPermission': (
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/eventRule:EventRule': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:cloudwatch/eventTarget:EventTarget': (
        ('arn', 'reference'),
        ('deadLetterConfig.arn', 'reference'),
        ('ecsTarget.taskDefinitionArn', 'reference'),
        ('redshiftTarget.secretsManagerArn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:cloudwatch/internetMonitor:InternetMonitor': (
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/logAccountPolicy:LogAccountPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/logAnomalyDetector:LogAnomalyDetector': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/logDataProtectionPolicy:LogDataProtectionPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/logDelivery:LogDelivery': (
        ('deliveryDestinationArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination': (
        ('deliveryDestinationConfiguration.destinationResourceArn', 'remote'),
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/logDeliveryDestinationPolicy:LogDeliveryDestinationPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/logDeliverySource:LogDeliverySource': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:cloudwatch/logDestination:LogDestination': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
        ('targetArn', 'reference'),
    ),
    'aws:cloudwatch/logDestinationPolicy:LogDestinationPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/logGroup:LogGroup': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/logIndexPolicy:LogIndexPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/logMetricFilter:LogMetricFilter': (
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/logResourcePolicy:LogResourcePolicy': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:cloudwatch/logS3TableIntegrationSource:LogS3TableIntegrationSource': (
        ('integrationArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/logStorageTierPolicy:LogStorageTierPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/logStream:LogStream': (
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter': (
        ('destinationArn', 'remote'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:cloudwatch/logTransformer:LogTransformer': (
        ('logGroupArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/metricAlarm:MetricAlarm': (
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/metricStream:MetricStream': (
        ('firehoseArn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:cloudwatch/otelEnrichment:OtelEnrichment': (
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/queryDefinition:QueryDefinition': (
        ('region', 'aws-region'),
    ),
    'aws:cloudwatch/resourceMetricsConfiguration:ResourceMetricsConfiguration': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:cloudwatchomni/domain:Domain': (
        ('identityProviderConfiguration.identityCenterConfiguration.identityCenterInstanceArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cloudwatchomni/space:Space': (
        ('agentCoreEvaluationRoleArn', 'reference'),
        ('dataAccessRoleArn', 'reference'),
        ('encryptionConfiguration.kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:codeartifact/domain:Domain': (
        ('region', 'aws-region'),
    ),
    'aws:codeartifact/domainPermissions:DomainPermissions': (
        ('region', 'aws-region'),
    ),
    'aws:codeartifact/repository:Repository': (
        ('region', 'aws-region'),
    ),
    'aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:codebuild/fleet:Fleet': (
        ('region', 'aws-region'),
    ),
    'aws:codebuild/project:Project': (
        ('environment.fleet.fleetArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:codebuild/reportGroup:ReportGroup': (
        ('region', 'aws-region'),
    ),
    'aws:codebuild/resourcePolicy:ResourcePolicy': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:codebuild/sourceCredential:SourceCredential': (
        ('region', 'aws-region'),
    ),
    'aws:codebuild/webhook:Webhook': (
        ('region', 'aws-region'),
    ),
    'aws:codecatalyst/devEnvironment:DevEnvironment': (
        ('region', 'aws-region'),
    ),
    'aws:codecatalyst/project:Project': (
        ('region', 'aws-region'),
    ),
    'aws:codecatalyst/sourceRepository:SourceRepository': (
        ('region', 'aws-region'),
    ),
    'aws:codecommit/approvalRuleTemplate:ApprovalRuleTemplate': (
        ('region', 'aws-region'),
    ),
    'aws:codecommit/approvalRuleTemplateAssociation:ApprovalRuleTemplateAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:codecommit/repository:Repository': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:codecommit/trigger:Trigger': (
        ('region', 'aws-region'),
        ('triggers[].destinationArn', 'remote'),
    ),
    'aws:codeconnections/connection:Connection': (
        ('hostArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:codeconnections/host:Host': (
        ('region', 'aws-region'),
    ),
    'aws:codedeploy/application:Application': (
        ('region', 'aws-region'),
    ),
    'aws:codedeploy/deploymentConfig:DeploymentConfig': (
        ('region', 'aws-region'),
    ),
    'aws:codedeploy/deploymentGroup:DeploymentGroup': (
        ('loadBalancerInfo.targetGroupPairInfo.prodTrafficRoute.listenerArns', 'reference'),
        ('loadBalancerInfo.targetGroupPairInfo.testTrafficRoute.listenerArns', 'reference'),
        ('region', 'aws-region'),
        ('serviceRoleArn', 'reference'),
        ('triggerConfigurations[].triggerTargetArn', 'reference'),
    ),
    'aws:codeguruprofiler/profilingGroup:ProfilingGroup': (
        ('region', 'aws-region'),
    ),
    'aws:codegurureviewer/repositoryAssociation:RepositoryAssociation': (
        ('kmsKeyDetails.kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('repository.bitbucket.connectionArn', 'reference'),
        ('repository.githubEnterpriseServer.connectionArn', 'reference'),
    ),
    'aws:codepipeline/customActionType:CustomActionType': (
        ('region', 'aws-region'),
    ),
    'aws:codepipeline/pipeline:Pipeline': (
        ('artifactStores[].region', 'aws-region'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
        ('stages[].actions[].region', 'aws-region'),
        ('stages[].actions[].roleArn', 'reference'),
        ('stages[].beforeEntry.condition.rules[].region', 'aws-region'),
        ('stages[].beforeEntry.condition.rules[].roleArn', 'reference'),
        ('stages[].onFailure.condition.rules[].region', 'aws-region'),
        ('stages[].onFailure.condition.rules[].roleArn', 'reference'),
        ('stages[].onSuccess.condition.rules[].region', 'aws-region'),
        ('stages[].onSuccess.condition.rules[].roleArn', 'reference'),
    ),
    'aws:codepipeline/webhook:Webhook': (
        ('region', 'aws-region'),
    ),
    'aws:codestarconnections/connection:Connection': (
        ('hostArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:codestarconnections/host:Host': (
        ('region', 'aws-region'),
    ),
    'aws:codestarnotifications/notificationRule:NotificationRule': (
        ('region', 'aws-region'),
    ),
    'aws:cognito/identityPool:IdentityPool': (
        ('openidConnectProviderArns', 'reference'),
        ('region', 'aws-region'),
        ('samlProviderArns', 'reference'),
    ),
    'aws:cognito/identityPoolProviderPrincipalTag:IdentityPoolProviderPrincipalTag': (
        ('region', 'aws-region'),
    ),
    'aws:cognito/identityPoolRoleAttachment:IdentityPoolRoleAttachment': (
        ('region', 'aws-region'),
        ('roleMappings[].mappingRules[].roleArn', 'reference'),
    ),
    'aws:cognito/identityProvider:IdentityProvider': (
        ('region', 'aws-region'),
    ),
    'aws:cognito/logDeliveryConfiguration:LogDeliveryConfiguration': (
        ('logConfigurations[].cloudWatchLogsConfiguration.logGroupArn', 'reference'),
        ('logConfigurations[].firehoseConfiguration.streamArn', 'reference'),
        ('logConfigurations[].s3Configuration.bucketArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cognito/managedLoginBranding:ManagedLoginBranding': (
        ('region', 'aws-region'),
    ),
    'aws:cognito/managedUserPoolClient:ManagedUserPoolClient': (
        ('analyticsConfiguration.applicationArn', 'reference'),
        ('analyticsConfiguration.roleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cognito/resourceServer:ResourceServer': (
        ('region', 'aws-region'),
    ),
    'aws:cognito/riskConfiguration:RiskConfiguration': (
        ('accountTakeoverRiskConfiguration.notifyConfiguration.sourceArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cognito/user:User': (
        ('region', 'aws-region'),
    ),
    'aws:cognito/userGroup:UserGroup': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:cognito/userInGroup:UserInGroup': (
        ('region', 'aws-region'),
    ),
    'aws:cognito/userPool:UserPool': (
        ('emailConfiguration.sourceArn', 'reference'),
        ('lambdaConfig.customEmailSender.lambdaArn', 'reference'),
        ('lambdaConfig.customSmsSender.lambdaArn', 'reference'),
        ('lambdaConfig.kmsKeyId', 'reference'),
        ('lambdaConfig.preTokenGenerationConfig.lambdaArn', 'reference'),
        ('region', 'aws-region'),
        ('smsConfiguration.snsCallerArn', 'reference'),
        ('smsConfiguration.snsRegion', 'aws-region'),
    ),
    'aws:cognito/userPoolClient:UserPoolClient': (
        ('analyticsConfiguration.applicationArn', 'reference'),
        ('analyticsConfiguration.roleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cognito/userPoolDomain:UserPoolDomain': (
        ('certificateArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:cognito/userPoolUICustomization:UserPoolUICustomization': (
        ('region', 'aws-region'),
    ),
    'aws:comprehend/documentClassifier:DocumentClassifier': (
        ('dataAccessRoleArn', 'reference'),
        ('modelKmsKeyId', 'reference'),
        ('outputDataConfig.kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('volumeKmsKeyId', 'reference'),
    ),
    'aws:comprehend/entityRecognizer:EntityRecognizer': (
        ('dataAccessRoleArn', 'reference'),
        ('modelKmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('volumeKmsKeyId', 'reference'),
    ),
    'aws:computeoptimizer/enrollmentStatus:EnrollmentStatus': (
        ('region', 'aws-region'),
    ),
    'aws:computeoptimizer/recommendationPreferences:RecommendationPreferences': (
        ('region', 'aws-region'),
    ),
    'aws:connect/botAssociation:BotAssociation': (
        ('lexBot.lexRegion', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:connect/contactFlow:ContactFlow': (
        ('region', 'aws-region'),
    ),
    'aws:connect/contactFlowModule:ContactFlowModule': (
        ('region', 'aws-region'),
    ),
    'aws:connect/hoursOfOperation:HoursOfOperation': (
        ('region', 'aws-region'),
    ),
    'aws:connect/instance:Instance': (
        ('region', 'aws-region'),
    ),
    'aws:connect/instanceStorageConfig:InstanceStorageConfig': (
        ('region', 'aws-region'),
        ('storageConfig.kinesisFirehoseConfig.firehoseArn', 'reference'),
        ('storageConfig.kinesisStreamConfig.streamArn', 'reference'),
    ),
    'aws:connect/lambdaFunctionAssociation:LambdaFunctionAssociation': (
        ('functionArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:connect/phoneNumber:PhoneNumber': (
        ('region', 'aws-region'),
        ('targetArn', 'reference'),
    ),
    'aws:connect/phoneNumberContactFlowAssociation:PhoneNumberContactFlowAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:connect/queue:Queue': (
        ('region', 'aws-region'),
    ),
    'aws:connect/quickConnect:QuickConnect': (
        ('region', 'aws-region'),
    ),
    'aws:connect/routingProfile:RoutingProfile': (
        ('queueConfigs[].queueArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:connect/securityProfile:SecurityProfile': (
        ('region', 'aws-region'),
    ),
    'aws:connect/user:User': (
        ('region', 'aws-region'),
    ),
    'aws:connect/userHierarchyGroup:UserHierarchyGroup': (
        ('region', 'aws-region'),
    ),
    'aws:connect/userHierarchyStructure:UserHierarchyStructure': (
        ('hierarchyStructure.levelFive.arn', 'reference'),
        ('hierarchyStructure.levelFour.arn', 'reference'),
        ('hierarchyStructure.levelOne.arn', 'reference'),
        ('hierarchyStructure.levelThree.arn', 'reference'),
        ('hierarchyStructure.levelTwo.arn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:connect/vocabulary:Vocabulary': (
        ('region', 'aws-region'),
    ),
    'aws:controltower/baseline:Baseline': (
        ('region', 'aws-region'),
    ),
    'aws:controltower/controlTowerControl:ControlTowerControl': (
        ('region', 'aws-region'),
    ),
    'aws:controltower/landingZone:LandingZone': (
        ('region', 'aws-region'),
    ),
    'aws:cur/reportDefinition:ReportDefinition': (
        ('s3Region', 'aws-region'),
    ),
    'aws:customerprofiles/domain:Domain': (
        ('region', 'aws-region'),
    ),
    'aws:customerprofiles/profile:Profile': (
        ('region', 'aws-region'),
    ),
    'aws:dataexchange/dataSet:DataSet': (
        ('region', 'aws-region'),
    ),
    'aws:dataexchange/eventAction:EventAction': (
        ('action.exportRevisionToS3.encryption.kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:dataexchange/revision:Revision': (
        ('region', 'aws-region'),
    ),
    'aws:dataexchange/revisionAssets:RevisionAssets': (
        ('assets[].arn', 'reference'),
        ('assets[].createS3DataAccessFromS3Bucket.accessPointArn', 'reference'),
        ('assets[].createS3DataAccessFromS3Bucket.assetSource.kmsKeysToGrants[].kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:datapipeline/pipeline:Pipeline': (
        ('region', 'aws-region'),
    ),
    'aws:datapipeline/pipelineDefinition:PipelineDefinition': (
        ('region', 'aws-region'),
    ),
    'aws:datasync/agent:Agent': (
        ('region', 'aws-region'),
        ('securityGroupArns', 'reference'),
        ('subnetArns', 'reference'),
    ),
    'aws:datasync/efsLocation:EfsLocation': (
        ('accessPointArn', 'reference'),
        ('ec2Config.securityGroupArns', 'reference'),
        ('ec2Config.subnetArn', 'reference'),
        ('efsFileSystemArn', 'reference'),
        ('fileSystemAccessRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:datasync/fsxOpenZfsFileSystem:FsxOpenZfsFileSystem': (
        ('fsxFilesystemArn', 'reference'),
        ('region', 'aws-region'),
        ('securityGroupArns', 'reference'),
    ),
    'aws:datasync/locationAzureBlob:LocationAzureBlob': (
        ('agentArns', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:datasync/locationFsxLustre:LocationFsxLustre': (
        ('fsxFilesystemArn', 'reference'),
        ('region', 'aws-region'),
        ('securityGroupArns', 'reference'),
    ),
    'aws:datasync/locationFsxOntapFileSystem:LocationFsxOntapFileSystem': (
        ('region', 'aws-region'),
        ('securityGroupArns', 'reference'),
        ('storageVirtualMachineArn', 'reference'),
    ),
    'aws:datasync/locationFsxWindows:LocationFsxWindows': (
        ('fsxFilesystemArn', 'reference'),
        ('region', 'aws-region'),
        ('securityGroupArns', 'reference'),
    ),
    'aws:datasync/locationHdfs:LocationHdfs': (
        ('agentArns', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:datasync/locationObjectStorage:LocationObjectStorage': (
        ('agentArns', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:datasync/locationSmb:LocationSmb': (
        ('agentArns', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:datasync/nfsLocation:NfsLocation': (
        ('onPremConfig.agentArns', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:datasync/s3Location:S3Location': (
        ('agentArns', 'reference'),
        ('region', 'aws-region'),
        ('s3BucketArn', 'reference'),
        ('s3Config.bucketAccessRoleArn', 'reference'),
    ),
    'aws:datasync/task:Task': (
        ('cloudwatchLogGroupArn', 'reference'),
        ('destinationLocationArn', 'remote'),
        ('region', 'aws-region'),
        ('sourceLocationArn', 'reference'),
        ('taskReportConfig.s3Destination.bucketAccessRoleArn', 'reference'),
        ('taskReportConfig.s3Destination.s3BucketArn', 'reference'),
    ),
    'aws:datazone/assetType:AssetType': (
        ('region', 'aws-region'),
    ),
    'aws:datazone/domain:Domain': (
        ('region', 'aws-region'),
    ),
    'aws:datazone/environment:Environment': (
        ('accountRegion', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:datazone/environmentBlueprintConfiguration:EnvironmentBlueprintConfiguration': (
        ('enabledRegions', 'aws-region'),
        ('manageAccessRoleArn', 'reference'),
        ('provisioningRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:datazone/environmentProfile:EnvironmentProfile': (
        ('awsAccountRegion', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:datazone/formType:FormType': (
        ('region', 'aws-region'),
    ),
    'aws:datazone/glossary:Glossary': (
        ('region', 'aws-region'),
    ),
    'aws:datazone/glossaryTerm:GlossaryTerm': (
        ('region', 'aws-region'),
    ),
    'aws:datazone/policyGrant:PolicyGrant': (
        ('region', 'aws-region'),
    ),
    'aws:datazone/project:Project': (
        ('region', 'aws-region'),
    ),
    'aws:datazone/userProfile:UserProfile': (
        ('region', 'aws-region'),
    ),
    'aws:dax/cluster:Cluster': (
        ('iamRoleArn', 'reference'),
        ('notificationTopicArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:dax/parameterGroup:ParameterGroup': (
        ('region', 'aws-region'),
    ),
    'aws:dax/subnetGroup:SubnetGroup': (
        ('region', 'aws-region'),
    ),
    'aws:detective/graph:Graph': (
        ('region', 'aws-region'),
    ),
    'aws:detective/invitationAccepter:InvitationAccepter': (
        ('graphArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:detective/member:Member': (
        ('graphArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:detective/organizationAdminAccount:OrganizationAdminAccount': (
        ('region', 'aws-region'),
    ),
    'aws:detective/organizationConfiguration:OrganizationConfiguration': (
        ('graphArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:devicefarm/devicePool:DevicePool': (
        ('projectArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:devicefarm/instanceProfile:InstanceProfile': (
        ('region', 'aws-region'),
    ),
    'aws:devicefarm/networkProfile:NetworkProfile': (
        ('projectArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:devicefarm/project:Project': (
        ('region', 'aws-region'),
    ),
    'aws:devicefarm/testGridProject:TestGridProject': (
        ('region', 'aws-region'),
    ),
    'aws:devicefarm/upload:Upload': (
        ('projectArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:devopsagent/agentSpace:AgentSpace': (
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:devopsguru/eventSourcesConfig:EventSourcesConfig': (
        ('region', 'aws-region'),
    ),
    'aws:devopsguru/notificationChannel:NotificationChannel': (
        ('region', 'aws-region'),
        ('sns.topicArn', 'reference'),
    ),
    'aws:devopsguru/resourceCollection:ResourceCollection': (
        ('region', 'aws-region'),
    ),
    'aws:devopsguru/serviceIntegration:ServiceIntegration': (
        ('kmsServerSideEncryption.kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:directconnect/bgpPeer:BgpPeer': (
        ('region', 'aws-region'),
    ),
    'aws:directconnect/connection:Connection': (
        ('region', 'aws-region'),
    ),
    'aws:directconnect/connectionAssociation:ConnectionAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:directconnect/connectionConfirmation:ConnectionConfirmation': (
        ('region', 'aws-region'),
    ),
    'aws:directconnect/gatewayAssociation:GatewayAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:directconnect/gatewayAssociationProposal:GatewayAssociationProposal': (
        ('region', 'aws-region'),
    ),
    'aws:directconnect/hostedPrivateVirtualInterface:HostedPrivateVirtualInterface': (
        ('region', 'aws-region'),
    ),
    'aws:directconnect/hostedPrivateVirtualInterfaceAccepter:HostedPrivateVirtualInterfaceAccepter': (
        ('region', 'aws-region'),
    ),
    'aws:directconnect/hostedPublicVirtualInterface:HostedPublicVirtualInterface': (
        ('region', 'aws-region'),
    ),
    'aws:directconnect/hostedPublicVirtualInterfaceAccepter:HostedPublicVirtualInterfaceAccepter': (
        ('region', 'aws-region'),
    ),
    'aws:directconnect/hostedTransitVirtualInterface:HostedTransitVirtualInterface': (
        ('region', 'aws-region'),
    ),
    'aws:directconnect/hostedTransitVirtualInterfaceAcceptor:HostedTransitVirtualInterfaceAcceptor': (
        ('region', 'aws-region'),
    ),
    'aws:directconnect/linkAggregationGroup:LinkAggregationGroup': (
        ('region', 'aws-region'),
    ),
    'aws:directconnect/macsecKeyAssociation:MacsecKeyAssociation': (
        ('region', 'aws-region'),
        ('secretArn', 'reference'),
    ),
    'aws:directconnect/privateVirtualInterface:PrivateVirtualInterface': (
        ('region', 'aws-region'),
    ),
    'aws:directconnect/publicVirtualInterface:PublicVirtualInterface': (
        ('region', 'aws-region'),
    ),
    'aws:directconnect/transitVirtualInterface:TransitVirtualInterface': (
        ('region', 'aws-region'),
    ),
    'aws:directoryservice/conditionalForwarder:ConditionalForwarder': (
        ('region', 'aws-region'),
    ),
    'aws:directoryservice/directory:Directory': (
        ('region', 'aws-region'),
    ),
    'aws:directoryservice/ipRoute:IpRoute': (
        ('region', 'aws-region'),
    ),
    'aws:directoryservice/ipRoutesExclusive:IpRoutesExclusive': (
        ('region', 'aws-region'),
    ),
    'aws:directoryservice/logSubscription:LogSubscription': (
        ('region', 'aws-region'),
    ),
    'aws:directoryservice/radiusSettings:RadiusSettings': (
        ('region', 'aws-region'),
    ),
    'aws:directoryservice/serviceRegion:ServiceRegion': (
        ('region', 'aws-region'),
        ('regionName', 'aws-region'),
    ),
    'aws:directoryservice/sharedDirectory:SharedDirectory': (
        ('region', 'aws-region'),
    ),
    'aws:directoryservice/sharedDirectoryAccepter:SharedDirectoryAccepter': (
        ('region', 'aws-region'),
    ),
    'aws:directoryservice/trust:Trust': (
        ('region', 'aws-region'),
    ),
    'aws:directoryservicedata/user:User': (
        ('region', 'aws-region'),
    ),
    'aws:dlm/lifecyclePolicy:LifecyclePolicy': (
        ('executionRoleArn', 'reference'),
        ('policyDetails.action.crossRegionCopies[].encryptionConfiguration.cmkArn', 'reference'),
        ('policyDetails.schedules[].crossRegionCopyRules[].cmkArn', 'reference'),
        ('policyDetails.schedules[].crossRegionCopyRules[].targetRegion', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:dms/certificate:Certificate': (
        ('region', 'aws-region'),
    ),
    'aws:dms/dataProvider:DataProvider': (
        ('region', 'aws-region'),
        ('settings.docDbSettings.certificateArn', 'reference'),
        ('settings.ibmDb2LuwSettings.certificateArn', 'reference'),
        ('settings.ibmDb2LuwSettings.s3AccessRoleArn', 'reference'),
        ('settings.ibmDb2ZosSettings.certificateArn', 'reference'),
        ('settings.ibmDb2ZosSettings.s3AccessRoleArn', 'reference'),
        ('settings.mariaDbSettings.certificateArn', 'reference'),
        ('settings.mariaDbSettings.s3AccessRoleArn', 'reference'),
        ('settings.microsoftSqlServerSettings.certificateArn', 'reference'),
        ('settings.microsoftSqlServerSettings.s3AccessRoleArn', 'reference'),
        ('settings.mongoDbSettings.certificateArn', 'reference'),
        ('settings.mysqlSettings.certificateArn', 'reference'),
        ('settings.mysqlSettings.s3AccessRoleArn', 'reference'),
        ('settings.oracleSettings.certificateArn', 'reference'),
        ('settings.oracleSettings.s3AccessRoleArn', 'reference'),
        ('settings.oracleSettings.secretsManagerOracleAsmAccessRoleArn', 'reference'),
        ('settings.oracleSettings.secretsManagerSecurityDbEncryptionAccessRoleArn', 'reference'),
        ('settings.postgresqlSettings.certificateArn', 'reference'),
        ('settings.postgresqlSettings.s3AccessRoleArn', 'reference'),
        ('settings.redshiftSettings.s3AccessRoleArn', 'reference'),
        ('settings.sybaseAseSettings.certificateArn', 'reference'),
    ),
    'aws:dms/endpoint:Endpoint': (
        ('certificateArn', 'reference'),
        ('elasticsearchSettings.serviceAccessRoleArn', 'reference'),
        ('kafkaSettings.sslCaCertificateArn', 'reference'),
        ('kafkaSettings.sslClientCertificateArn', 'reference'),
        ('kafkaSettings.sslClientKeyArn', 'reference'),
        ('kinesisSettings.serviceAccessRoleArn', 'reference'),
        ('kinesisSettings.streamArn', 'reference'),
        ('kmsKeyArn', 'reference'),
        ('mysqlSettings.serviceAccessRoleArn', 'reference'),
        ('oracleSettings.secretsManagerOracleAsmAccessRoleArn', 'reference'),
        ('postgresSettings.serviceAccessRoleArn', 'reference'),
        ('redisSettings.sslCaCertificateArn', 'reference'),
        ('redshiftSettings.serverSideEncryptionKmsKeyId', 'reference'),
        ('redshiftSettings.serviceAccessRoleArn', 'reference'),
        ('region', 'aws-region'),
        ('secretsManagerAccessRoleArn', 'reference'),
        ('secretsManagerArn', 'reference'),
    ),
    'aws:dms/eventSubscription:EventSubscription': (
        ('region', 'aws-region'),
        ('snsTopicArn', 'reference'),
    ),
    'aws:dms/instanceProfile:InstanceProfile': (
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:dms/migrationProject:MigrationProject': (
        ('instanceProfileArn', 'reference'),
        ('region', 'aws-region'),
        ('schemaConversionApplicationAttributes.s3BucketRoleArn', 'reference'),
        ('sourceDataProviderDescriptors[].dataProviderArn', 'reference'),
        ('sourceDataProviderDescriptors[].secretsManagerAccessRoleArn', 'reference'),
        ('targetDataProviderDescriptors[].dataProviderArn', 'reference'),
        ('targetDataProviderDescriptors[].secretsManagerAccessRoleArn', 'reference'),
    ),
    'aws:dms/replicationConfig:ReplicationConfig': (
        ('computeConfig.kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('sourceEndpointArn', 'reference'),
        ('targetEndpointArn', 'reference'),
    ),
    'aws:dms/replicationInstance:ReplicationInstance': (
        ('kerberosAuthenticationSettings.keyCacheSecretIamArn', 'reference'),
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:dms/replicationSubnetGroup:ReplicationSubnetGroup': (
        ('region', 'aws-region'),
    ),
    'aws:dms/replicationTask:ReplicationTask': (
        ('region', 'aws-region'),
        ('replicationInstanceArn', 'remote'),
        ('sourceEndpointArn', 'reference'),
        ('targetEndpointArn', 'reference'),
    ),
    'aws:dms/s3Endpoint:S3Endpoint': (
        ('certificateArn', 'reference'),
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
        ('serverSideEncryptionKmsKeyId', 'reference'),
        ('serviceAccessRoleArn', 'reference'),
    ),
    'aws:docdb/cluster:Cluster': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:docdb/clusterInstance:ClusterInstance': (
        ('performanceInsightsKmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:docdb/clusterParameterGroup:ClusterParameterGroup': (
        ('region', 'aws-region'),
    ),
    'aws:docdb/clusterSnapshot:ClusterSnapshot': (
        ('region', 'aws-region'),
    ),
    'aws:docdb/elasticCluster:ElasticCluster': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:docdb/eventSubscription:EventSubscription': (
        ('region', 'aws-region'),
        ('snsTopicArn', 'reference'),
    ),
    'aws:docdb/globalCluster:GlobalCluster': (
        ('region', 'aws-region'),
    ),
    'aws:docdb/subnetGroup:SubnetGroup': (
        ('region', 'aws-region'),
    ),
    'aws:drs/replicationConfigurationTemplate:ReplicationConfigurationTemplate': (
        ('ebsEncryptionKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:dsql/cluster:Cluster': (
        ('multiRegionProperties.witnessRegion', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:dsql/clusterPeering:ClusterPeering': (
        ('region', 'aws-region'),
        ('witnessRegion', 'aws-region'),
    ),
    'aws:dsql/clusterPolicy:ClusterPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:dynamodb/contributorInsights:ContributorInsights': (
        ('region', 'aws-region'),
    ),
    'aws:dynamodb/globalSecondaryIndex:GlobalSecondaryIndex': (
        ('region', 'aws-region'),
    ),
    'aws:dynamodb/globalTable:GlobalTable': (
        ('region', 'aws-region'),
        ('replicas[].regionName', 'aws-region'),
    ),
    'aws:dynamodb/kinesisStreamingDestination:KinesisStreamingDestination': (
        ('region', 'aws-region'),
        ('streamArn', 'reference'),
    ),
    'aws:dynamodb/resourcePolicy:ResourcePolicy': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:dynamodb/table:Table': (
        ('globalTableWitness.regionName', 'aws-region'),
        ('region', 'aws-region'),
        ('replicas[].arn', 'remote'),
        ('replicas[].kmsKeyArn', 'remote'),
        ('replicas[].regionName', 'aws-region'),
        ('replicas[].streamArn', 'remote'),
        ('restoreBackupArn', 'reference'),
        ('restoreSourceTableArn', 'reference'),
        ('serverSideEncryption.kmsKeyArn', 'reference'),
    ),
    'aws:dynamodb/tableExport:TableExport': (
        ('region', 'aws-region'),
        ('s3SseKmsKeyId', 'reference'),
        ('tableArn', 'reference'),
    ),
    'aws:dynamodb/tableItem:TableItem': (
        ('region', 'aws-region'),
    ),
    'aws:dynamodb/tableReplica:TableReplica': (
        ('globalTableArn', 'reference'),
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:dynamodb/tag:Tag': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:ebs/defaultKmsKey:DefaultKmsKey': (
        ('keyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ebs/encryptionByDefault:EncryptionByDefault': (
        ('region', 'aws-region'),
    ),
    'aws:ebs/fastSnapshotRestore:FastSnapshotRestore': (
        ('region', 'aws-region'),
    ),
    'aws:ebs/snapshot:Snapshot': (
        ('outpostArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess': (
        ('region', 'aws-region'),
    ),
    'aws:ebs/snapshotCopy:SnapshotCopy': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('sourceRegion', 'aws-region'),
    ),
    'aws:ebs/snapshotImport:SnapshotImport': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ebs/volume:Volume': (
        ('kmsKeyId', 'reference'),
        ('outpostArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ebs/volumeCopy:VolumeCopy': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/allowedImagesSettings:AllowedImagesSettings': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/ami:Ami': (
        ('ebsBlockDevices[].outpostArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ec2/amiCopy:AmiCopy': (
        ('destinationOutpostArn', 'remote'),
        ('ebsBlockDevices[].outpostArn', 'reference'),
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('sourceAmiRegion', 'aws-region'),
    ),
    'aws:ec2/amiFromInstance:AmiFromInstance': (
        ('ebsBlockDevices[].outpostArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ec2/amiLaunchPermission:AmiLaunchPermission': (
        ('organizationArn', 'reference'),
        ('organizationalUnitArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ec2/availabilityZoneGroup:AvailabilityZoneGroup': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/capacityBlockReservation:CapacityBlockReservation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/capacityReservation:CapacityReservation': (
        ('outpostArn', 'reference'),
        ('placementGroupArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ec2/carrierGateway:CarrierGateway': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/customerGateway:CustomerGateway': (
        ('certificateArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ec2/dedicatedHost:DedicatedHost': (
        ('outpostArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ec2/defaultCreditSpecification:DefaultCreditSpecification': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/defaultNetworkAcl:DefaultNetworkAcl': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/defaultRouteTable:DefaultRouteTable': (
        ('region', 'aws-region'),
        ('routes[].coreNetworkArn', 'reference'),
    ),
    'aws:ec2/defaultSecurityGroup:DefaultSecurityGroup': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/defaultSubnet:DefaultSubnet': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/defaultVpc:DefaultVpc': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/defaultVpcDhcpOptions:DefaultVpcDhcpOptions': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/eip:Eip': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/eipAssociation:EipAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/eipDomainName:EipDomainName': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/encryptionControl:EncryptionControl': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/fleet:Fleet': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/flowLog:FlowLog': (
        ('iamRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ec2/imageBlockPublicAccess:ImageBlockPublicAccess': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/instance:Instance': (
        ('capacityReservationSpecification.capacityReservationTarget.capacityReservationResourceGroupArn', 'reference'),
        ('ebsBlockDevices[].kmsKeyId', 'reference'),
        ('hostResourceGroupArn', 'reference'),
        ('region', 'aws-region'),
        ('rootBlockDevice.kmsKeyId', 'reference'),
    ),
    'aws:ec2/instanceMetadataDefaults:InstanceMetadataDefaults': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/internetGateway:InternetGateway': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/internetGatewayAttachment:InternetGatewayAttachment': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/keyPair:KeyPair': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/launchConfiguration:LaunchConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/launchTemplate:LaunchTemplate': (
        ('blockDeviceMappings[].ebs.kmsKeyId', 'reference'),
        ('capacityReservationSpecification.capacityReservationTarget.capacityReservationResourceGroupArn', 'reference'),
        ('iamInstanceProfile.arn', 'reference'),
        ('licenseSpecifications[].licenseConfigurationArn', 'reference'),
        ('placement.hostResourceGroupArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ec2/localGatewayRoute:LocalGatewayRoute': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/localGatewayRouteTable:LocalGatewayRouteTable': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/localGatewayRouteTableVirtualInterfaceGroupAssociation:LocalGatewayRouteTableVirtualInterfaceGroupAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/localGatewayRouteTableVpcAssociation:LocalGatewayRouteTableVpcAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/managedPrefixList:ManagedPrefixList': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/natGateway:NatGateway': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/natGatewayEipAssociation:NatGatewayEipAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/networkAcl:NetworkAcl': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/networkAclAssociation:NetworkAclAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/networkAclRule:NetworkAclRule': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/networkInsightsAccessScope:NetworkInsightsAccessScope': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/networkInsightsAnalysis:NetworkInsightsAnalysis': (
        ('filterInArns', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ec2/networkInsightsPath:NetworkInsightsPath': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/networkInterface:NetworkInterface': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/networkInterfaceAttachment:NetworkInterfaceAttachment': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/networkInterfacePermission:NetworkInterfacePermission': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/networkInterfaceSecurityGroupAttachment:NetworkInterfaceSecurityGroupAttachment': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/peeringConnectionOptions:PeeringConnectionOptions': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/placementGroup:PlacementGroup': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/proxyProtocolPolicy:ProxyProtocolPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/route:Route': (
        ('coreNetworkArn', 'reference'),
        ('odbNetworkArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ec2/routeTable:RouteTable': (
        ('region', 'aws-region'),
        ('routes[].coreNetworkArn', 'reference'),
        ('routes[].odbNetworkArn', 'reference'),
    ),
    'aws:ec2/routeTableAssociation:RouteTableAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/secondaryNetwork:SecondaryNetwork': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/secondarySubnet:SecondarySubnet': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/securityGroup:SecurityGroup': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/securityGroupAssociation:SecurityGroupAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/securityGroupRule:SecurityGroupRule': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/serialConsoleAccess:SerialConsoleAccess': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/spotDatafeedSubscription:SpotDatafeedSubscription': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/spotFleetRequest:SpotFleetRequest': (
        ('launchSpecifications[].ebsBlockDevices[].kmsKeyId', 'reference'),
        ('launchSpecifications[].iamInstanceProfileArn', 'reference'),
        ('launchSpecifications[].rootBlockDevices[].kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('targetGroupArns', 'reference'),
    ),
    'aws:ec2/spotInstanceRequest:SpotInstanceRequest': (
        ('capacityReservationSpecification.capacityReservationTarget.capacityReservationResourceGroupArn', 'reference'),
        ('ebsBlockDevices[].kmsKeyId', 'reference'),
        ('hostResourceGroupArn', 'reference'),
        ('region', 'aws-region'),
        ('rootBlockDevice.kmsKeyId', 'reference'),
    ),
    'aws:ec2/subnet:Subnet': (
        ('outpostArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ec2/subnetCidrReservation:SubnetCidrReservation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/tag:Tag': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/trafficMirrorFilter:TrafficMirrorFilter': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/trafficMirrorFilterRule:TrafficMirrorFilterRule': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/trafficMirrorSession:TrafficMirrorSession': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/trafficMirrorTarget:TrafficMirrorTarget': (
        ('networkLoadBalancerArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ec2/volumeAttachment:VolumeAttachment': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpc:Vpc': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcBlockPublicAccessExclusion:VpcBlockPublicAccessExclusion': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcBlockPublicAccessOptions:VpcBlockPublicAccessOptions': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcDhcpOptions:VpcDhcpOptions': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcDhcpOptionsAssociation:VpcDhcpOptionsAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcEncryptionControl:VpcEncryptionControl': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcEndpoint:VpcEndpoint': (
        ('region', 'aws-region'),
        ('resourceConfigurationArn', 'reference'),
        ('serviceNetworkArn', 'reference'),
        ('serviceRegion', 'aws-region'),
    ),
    'aws:ec2/vpcEndpointConnectionAccepter:VpcEndpointConnectionAccepter': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcEndpointConnectionNotification:VpcEndpointConnectionNotification': (
        ('connectionNotificationArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcEndpointRouteTableAssociation:VpcEndpointRouteTableAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcEndpointService:VpcEndpointService': (
        ('gatewayLoadBalancerArns', 'reference'),
        ('networkLoadBalancerArns', 'reference'),
        ('region', 'aws-region'),
        ('supportedRegions', 'aws-region'),
    ),
    'aws:ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple': (
        ('principalArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcEndpointSubnetAssociation:VpcEndpointSubnetAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcIpam:VpcIpam': (
        ('operatingRegions[].regionName', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcIpamPool:VpcIpamPool': (
        ('region', 'aws-region'),
        ('sourceResource.resourceRegion', 'aws-region'),
    ),
    'aws:ec2/vpcIpamPoolCidr:VpcIpamPoolCidr': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcIpamPoolCidrAllocation:VpcIpamPoolCidrAllocation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcIpamPreviewNextCidr:VpcIpamPreviewNextCidr': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcIpamResourceDiscovery:VpcIpamResourceDiscovery': (
        ('operatingRegions[].regionName', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcIpamResourceDiscoveryAssociation:VpcIpamResourceDiscoveryAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcIpamScope:VpcIpamScope': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcIpv4CidrBlockAssociation:VpcIpv4CidrBlockAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcIpv6CidrBlockAssociation:VpcIpv6CidrBlockAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcNetworkPerformanceMetricSubscription:VpcNetworkPerformanceMetricSubscription': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcPeeringConnection:VpcPeeringConnection': (
        ('peerRegion', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpcSecurityGroupRulesExclusive:VpcSecurityGroupRulesExclusive': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpnConcentrator:VpnConcentrator': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpnConnection:VpnConnection': (
        ('region', 'aws-region'),
        ('tunnel1LogOptions.cloudwatchLogOptions.bgpLogGroupArn', 'reference'),
        ('tunnel1LogOptions.cloudwatchLogOptions.logGroupArn', 'reference'),
        ('tunnel2LogOptions.cloudwatchLogOptions.bgpLogGroupArn', 'reference'),
        ('tunnel2LogOptions.cloudwatchLogOptions.logGroupArn', 'reference'),
    ),
    'aws:ec2/vpnConnectionRoute:VpnConnectionRoute': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpnGateway:VpnGateway': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpnGatewayAttachment:VpnGatewayAttachment': (
        ('region', 'aws-region'),
    ),
    'aws:ec2/vpnGatewayRoutePropagation:VpnGatewayRoutePropagation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2clientvpn/authorizationRule:AuthorizationRule': (
        ('region', 'aws-region'),
    ),
    'aws:ec2clientvpn/endpoint:Endpoint': (
        ('authenticationOptions[].rootCertificateChainArn', 'reference'),
        ('authenticationOptions[].samlProviderArn', 'reference'),
        ('authenticationOptions[].selfServiceSamlProviderArn', 'reference'),
        ('clientConnectOptions.lambdaFunctionArn', 'reference'),
        ('region', 'aws-region'),
        ('serverCertificateArn', 'reference'),
    ),
    'aws:ec2clientvpn/networkAssociation:NetworkAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2clientvpn/route:Route': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/connect:Connect': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/connectPeer:ConnectPeer': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/defaultRouteTableAssociation:DefaultRouteTableAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/defaultRouteTablePropagation:DefaultRouteTablePropagation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/instanceConnectEndpoint:InstanceConnectEndpoint': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/instanceState:InstanceState': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/meteringPolicy:MeteringPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/meteringPolicyEntry:MeteringPolicyEntry': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/multicastDomain:MulticastDomain': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/multicastDomainAssociation:MulticastDomainAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/multicastGroupMember:MulticastGroupMember': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/multicastGroupSource:MulticastGroupSource': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/peeringAttachment:PeeringAttachment': (
        ('peerRegion', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/policyTable:PolicyTable': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/policyTableAssociation:PolicyTableAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/policyTableEntry:PolicyTableEntry': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/prefixListReference:PrefixListReference': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/route:Route': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/routeTable:RouteTable': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/transitGateway:TransitGateway': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/vpcAttachment:VpcAttachment': (
        ('region', 'aws-region'),
    ),
    'aws:ec2transitgateway/vpcAttachmentAccepter:VpcAttachmentAccepter': (
        ('region', 'aws-region'),
    ),
    'aws:ecr/accountSetting:AccountSetting': (
        ('region', 'aws-region'),
    ),
    'aws:ecr/lifecyclePolicy:LifecyclePolicy': (
        ('region', 'aws-region'),
    ),
    'aws:ecr/pullThroughCacheRule:PullThroughCacheRule': (
        ('credentialArn', 'reference'),
        ('customRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ecr/pullTimeUpdateExclusion:PullTimeUpdateExclusion': (
        ('principalArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ecr/registryPolicy:RegistryPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:ecr/replicationConfiguration:ReplicationConfiguration': (
        ('region', 'aws-region'),
        ('replicationConfiguration.rules[].destinations[].region', 'aws-region'),
    ),
    'aws:ecr/repository:Repository': (
        ('encryptionConfigurations[].kmsKey', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate': (
        ('customRoleArn', 'reference'),
        ('encryptionConfigurations[].kmsKey', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ecr/repositoryPolicy:RepositoryPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:ecrpublic/repository:Repository': (
        ('region', 'aws-region'),
    ),
    'aws:ecrpublic/repositoryPolicy:RepositoryPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:ecs/accountSettingDefault:AccountSettingDefault': (
        ('region', 'aws-region'),
    ),
    'aws:ecs/capacityProvider:CapacityProvider': (
        ('autoScalingGroupProvider.autoScalingGroupArn', 'reference'),
        ('managedInstancesProvider.infrastructureRoleArn', 'reference'),
        ('managedInstancesProvider.instanceLaunchTemplate.capacityReservations.reservationGroupArn', 'reference'),
        ('managedInstancesProvider.instanceLaunchTemplate.ec2InstanceProfileArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ecs/cluster:Cluster': (
        ('configuration.executeCommandConfiguration.kmsKeyId', 'reference'),
        ('configuration.managedStorageConfiguration.fargateEphemeralStorageKmsKeyId', 'reference'),
        ('configuration.managedStorageConfiguration.kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ecs/clusterCapacityProviders:ClusterCapacityProviders': (
        ('region', 'aws-region'),
    ),
    'aws:ecs/daemon:Daemon': (
        ('capacityProviderArns', 'reference'),
        ('clusterArn', 'reference'),
        ('daemonTaskDefinitionArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ecs/daemonTaskDefinition:DaemonTaskDefinition': (
        ('executionRoleArn', 'reference'),
        ('region', 'aws-region'),
        ('taskRoleArn', 'reference'),
    ),
    'aws:ecs/expressGatewayService:ExpressGatewayService': (
        ('executionRoleArn', 'reference'),
        ('infrastructureRoleArn', 'reference'),
        ('region', 'aws-region'),
        ('taskRoleArn', 'reference'),
    ),
    'aws:ecs/service:Service': (
        ('deploymentConfiguration.lifecycleHooks[].hookTargetArn', 'reference'),
        ('deploymentConfiguration.lifecycleHooks[].roleArn', 'reference'),
        ('loadBalancers[].advancedConfiguration.alternateTargetGroupArn', 'reference'),
        ('loadBalancers[].advancedConfiguration.roleArn', 'reference'),
        ('loadBalancers[].targetGroupArn', 'reference'),
        ('region', 'aws-region'),
        ('serviceConnectConfiguration.services[].tls.issuerCertAuthority.awsPcaAuthorityArn', 'reference'),
        ('serviceConnectConfiguration.services[].tls.kmsKey', 'reference'),
        ('serviceConnectConfiguration.services[].tls.roleArn', 'reference'),
        ('serviceRegistries.registryArn', 'reference'),
        ('volumeConfiguration.managedEbsVolume.kmsKeyId', 'reference'),
        ('volumeConfiguration.managedEbsVolume.roleArn', 'reference'),
        ('vpcLatticeConfigurations[].roleArn', 'reference'),
        ('vpcLatticeConfigurations[].targetGroupArn', 'reference'),
    ),
    'aws:ecs/tag:Tag': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:ecs/taskDefinition:TaskDefinition': (
        ('executionRoleArn', 'reference'),
        ('region', 'aws-region'),
        ('taskRoleArn', 'reference'),
        ('volumes[].s3filesVolumeConfiguration.accessPointArn', 'reference'),
        ('volumes[].s3filesVolumeConfiguration.fileSystemArn', 'reference'),
    ),
    'aws:ecs/taskSet:TaskSet': (
        ('loadBalancers[].targetGroupArn', 'reference'),
        ('region', 'aws-region'),
        ('serviceRegistries.registryArn', 'reference'),
    ),
    'aws:efs/accessPoint:AccessPoint': (
        ('region', 'aws-region'),
    ),
    'aws:efs/backupPolicy:BackupPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:efs/fileSystem:FileSystem': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:efs/fileSystemPolicy:FileSystemPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:efs/mountTarget:MountTarget': (
        ('region', 'aws-region'),
    ),
    'aws:efs/replicationConfiguration:ReplicationConfiguration': (
        ('destination.kmsKeyId', 'remote'),
        ('destination.region', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:eks/accessEntry:AccessEntry': (
        ('principalArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:eks/accessPolicyAssociation:AccessPolicyAssociation': (
        ('policyArn', 'reference'),
        ('principalArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:eks/addon:Addon': (
        ('podIdentityAssociations[].roleArn', 'reference'),
        ('region', 'aws-region'),
        ('serviceAccountRoleArn', 'reference'),
    ),
    'aws:eks/capability:Capability': (
        ('configuration.argoCd.awsIdc.idcInstanceArn', 'reference'),
        ('configuration.argoCd.awsIdc.idcManagedApplicationArn', 'reference'),
        ('configuration.argoCd.awsIdc.idcRegion', 'aws-region'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:eks/cluster:Cluster': (
        ('computeConfig.nodeRoleArn', 'reference'),
        ('encryptionConfig.provider.keyArn', 'reference'),
        ('outpostConfig.outpostArns', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:eks/fargateProfile:FargateProfile': (
        ('podExecutionRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:eks/identityProviderConfig:IdentityProviderConfig': (
        ('region', 'aws-region'),
    ),
    'aws:eks/nodeGroup:NodeGroup': (
        ('nodeRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:eks/podIdentityAssociation:PodIdentityAssociation': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
        ('targetRoleArn', 'reference'),
    ),
    'aws:elasticache/cluster:Cluster': (
        ('notificationTopicArn', 'reference'),
        ('preferredOutpostArn', 'reference'),
        ('region', 'aws-region'),
        ('snapshotArns', 'reference'),
    ),
    'aws:elasticache/globalReplicationGroup:GlobalReplicationGroup': (
        ('region', 'aws-region'),
    ),
    'aws:elasticache/parameterGroup:ParameterGroup': (
        ('region', 'aws-region'),
    ),
    'aws:elasticache/replicationGroup:ReplicationGroup': (
        ('kmsKeyId', 'reference'),
        ('nodeGroupConfigurations[].primaryOutpostArn', 'reference'),
        ('nodeGroupConfigurations[].replicaOutpostArns', 'remote'),
        ('notificationTopicArn', 'reference'),
        ('region', 'aws-region'),
        ('snapshotArns', 'reference'),
    ),
    'aws:elasticache/reservedCacheNode:ReservedCacheNode': (
        ('region', 'aws-region'),
    ),
    'aws:elasticache/serverlessCache:ServerlessCache': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:elasticache/subnetGroup:SubnetGroup': (
        ('region', 'aws-region'),
    ),
    'aws:elasticache/user:User': (
        ('region', 'aws-region'),
    ),
    'aws:elasticache/userGroup:UserGroup': (
        ('region', 'aws-region'),
    ),
    'aws:elasticache/userGroupAssociation:UserGroupAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:elasticbeanstalk/application:Application': (
        ('region', 'aws-region'),
    ),
    'aws:elasticbeanstalk/applicationVersion:ApplicationVersion': (
        ('region', 'aws-region'),
    ),
    'aws:elasticbeanstalk/configurationTemplate:ConfigurationTemplate': (
        ('region', 'aws-region'),
    ),
    'aws:elasticbeanstalk/environment:Environment': (
        ('platformArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:elasticsearch/domain:Domain': (
        ('advancedSecurityOptions.masterUserOptions.masterUserArn', 'reference'),
        ('cognitoOptions.roleArn', 'reference'),
        ('domainEndpointOptions.customEndpointCertificateArn', 'reference'),
        ('encryptAtRest.kmsKeyId', 'reference'),
        ('logPublishingOptions[].cloudwatchLogGroupArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:elasticsearch/domainPolicy:DomainPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:elasticsearch/domainSamlOptions:DomainSamlOptions': (
        ('region', 'aws-region'),
    ),
    'aws:elasticsearch/vpcEndpoint:VpcEndpoint': (
        ('domainArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:elastictranscoder/pipeline:Pipeline': (
        ('awsKmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:elastictranscoder/preset:Preset': (
        ('region', 'aws-region'),
    ),
    'aws:elb/appCookieStickinessPolicy:AppCookieStickinessPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:elb/attachment:Attachment': (
        ('region', 'aws-region'),
    ),
    'aws:elb/listenerPolicy:ListenerPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:elb/loadBalancer:LoadBalancer': (
        ('region', 'aws-region'),
    ),
    'aws:elb/loadBalancerBackendServerPolicy:LoadBalancerBackendServerPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:elb/loadBalancerCookieStickinessPolicy:LoadBalancerCookieStickinessPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:elb/loadBalancerPolicy:LoadBalancerPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:elb/sslNegotiationPolicy:SslNegotiationPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:emr/blockPublicAccessConfiguration:BlockPublicAccessConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:emr/cluster:Cluster': (
        ('logEncryptionKmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:emr/instanceFleet:InstanceFleet': (
        ('region', 'aws-region'),
    ),
    'aws:emr/instanceGroup:InstanceGroup': (
        ('region', 'aws-region'),
    ),
    'aws:emr/managedScalingPolicy:ManagedScalingPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:emr/securityConfiguration:SecurityConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:emr/studio:Studio': (
        ('encryptionKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:emr/studioSessionMapping:StudioSessionMapping': (
        ('region', 'aws-region'),
        ('sessionPolicyArn', 'reference'),
    ),
    'aws:emrcontainers/jobTemplate:JobTemplate': (
        ('jobTemplateData.executionRoleArn', 'reference'),
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:emrcontainers/virtualCluster:VirtualCluster': (
        ('region', 'aws-region'),
    ),
    'aws:emrserverless/application:Application': (
        ('monitoringConfiguration.cloudwatchLoggingConfiguration.encryptionKeyArn', 'reference'),
        ('monitoringConfiguration.managedPersistenceMonitoringConfiguration.encryptionKeyArn', 'reference'),
        ('monitoringConfiguration.s3MonitoringConfiguration.encryptionKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:evidently/feature:Feature': (
        ('region', 'aws-region'),
    ),
    'aws:evidently/launch:Launch': (
        ('region', 'aws-region'),
    ),
    'aws:evidently/project:Project': (
        ('region', 'aws-region'),
    ),
    'aws:evidently/segment:Segment': (
        ('region', 'aws-region'),
    ),
    'aws:finspace/kxCluster:KxCluster': (
        ('region', 'aws-region'),
    ),
    'aws:finspace/kxDatabase:KxDatabase': (
        ('region', 'aws-region'),
    ),
    'aws:finspace/kxDataview:KxDataview': (
        ('region', 'aws-region'),
    ),
    'aws:finspace/kxEnvironment:KxEnvironment': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:finspace/kxScalingGroup:KxScalingGroup': (
        ('region', 'aws-region'),
    ),
    'aws:finspace/kxUser:KxUser': (
        ('region', 'aws-region'),
    ),
    'aws:finspace/kxVolume:KxVolume': (
        ('region', 'aws-region'),
    ),
    'aws:fis/experimentTemplate:ExperimentTemplate': (
        ('experimentReportConfiguration.dataSources.cloudwatchDashboards[].dashboardArn', 'reference'),
        ('logConfiguration.cloudwatchLogsConfiguration.logGroupArn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
        ('targets[].resourceArns', 'reference'),
    ),
    'aws:fis/safetyLeverState:SafetyLeverState': (
        ('region', 'aws-region'),
    ),
    'aws:fis/targetAccountConfiguration:TargetAccountConfiguration': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:fms/policy:Policy': (
        ('region', 'aws-region'),
    ),
    'aws:fms/resourceSet:ResourceSet': (
        ('region', 'aws-region'),
    ),
    'aws:fsx/backup:Backup': (
        ('region', 'aws-region'),
    ),
    'aws:fsx/dataRepositoryAssociation:DataRepositoryAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:fsx/fileCache:FileCache': (
        ('dataRepositoryAssociations[].resourceArn', 'reference'),
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:fsx/lustreFileSystem:LustreFileSystem': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:fsx/ontapFileSystem:OntapFileSystem': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:fsx/ontapStorageVirtualMachine:OntapStorageVirtualMachine': (
        ('region', 'aws-region'),
    ),
    'aws:fsx/ontapVolume:OntapVolume': (
        ('region', 'aws-region'),
    ),
    'aws:fsx/openZfsFileSystem:OpenZfsFileSystem': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:fsx/openZfsSnapshot:OpenZfsSnapshot': (
        ('region', 'aws-region'),
    ),
    'aws:fsx/openZfsVolume:OpenZfsVolume': (
        ('originSnapshot.snapshotArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:fsx/s3AccessPointAttachment:S3AccessPointAttachment': (
        ('region', 'aws-region'),
    ),
    'aws:fsx/windowsFileSystem:WindowsFileSystem': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:gamelift/alias:Alias': (
        ('region', 'aws-region'),
    ),
    'aws:gamelift/build:Build': (
        ('region', 'aws-region'),
        ('storageLocation.roleArn', 'reference'),
    ),
    'aws:gamelift/fleet:Fleet': (
        ('instanceRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:gamelift/gameServerGroup:GameServerGroup': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:gamelift/gameSessionQueue:GameSessionQueue': (
        ('region', 'aws-region'),
    ),
    'aws:gamelift/script:Script': (
        ('region', 'aws-region'),
        ('storageLocation.roleArn', 'reference'),
    ),
    'aws:glacier/vault:Vault': (
        ('region', 'aws-region'),
    ),
    'aws:glacier/vaultLock:VaultLock': (
        ('region', 'aws-region'),
    ),
    'aws:globalaccelerator/crossAccountAttachment:CrossAccountAttachment': (
        ('resources[].region', 'aws-region'),
    ),
    'aws:globalaccelerator/customRoutingEndpointGroup:CustomRoutingEndpointGroup': (
        ('endpointGroupRegion', 'aws-region'),
        ('listenerArn', 'reference'),
    ),
    'aws:globalaccelerator/customRoutingListener:CustomRoutingListener': (
        ('acceleratorArn', 'reference'),
    ),
    'aws:globalaccelerator/endpointGroup:EndpointGroup': (
        ('endpointConfigurations[].attachmentArn', 'reference'),
        ('endpointGroupRegion', 'aws-region'),
        ('listenerArn', 'reference'),
    ),
    'aws:globalaccelerator/listener:Listener': (
        ('acceleratorArn', 'reference'),
    ),
    'aws:glue/catalog:Catalog': (
        ('catalogProperties.dataLakeAccessProperties.kmsKey', 'reference'),
        ('catalogProperties.icebergOptimizationProperties.roleArn', 'reference'),
        ('region', 'aws-region'),
        ('targetRedshiftCatalog.catalogArn', 'reference'),
    ),
    'aws:glue/catalogDatabase:CatalogDatabase': (
        ('region', 'aws-region'),
        ('targetDatabase.region', 'aws-region'),
    ),
    'aws:glue/catalogTable:CatalogTable': (
        ('region', 'aws-region'),
        ('storageDescriptor.schemaReference.schemaId.schemaArn', 'reference'),
        ('targetTable.region', 'aws-region'),
    ),
    'aws:glue/catalogTableOptimizer:CatalogTableOptimizer': (
        ('configuration.roleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:glue/classifier:Classifier': (
        ('region', 'aws-region'),
    ),
    'aws:glue/connection:Connection': (
        ('authenticationConfiguration.kmsKeyArn', 'reference'),
        ('authenticationConfiguration.secretArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:glue/crawler:Crawler': (
        ('catalogTargets[].dlqEventQueueArn', 'reference'),
        ('catalogTargets[].eventQueueArn', 'reference'),
        ('region', 'aws-region'),
        ('s3Targets[].dlqEventQueueArn', 'reference'),
        ('s3Targets[].eventQueueArn', 'reference'),
    ),
    'aws:glue/dataCatalogEncryptionSettings:DataCatalogEncryptionSettings': (
        ('dataCatalogEncryptionSettings.connectionPasswordEncryption.awsKmsKeyId', 'reference'),
        ('dataCatalogEncryptionSettings.encryptionAtRest.sseAwsKmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:glue/dataQualityRuleset:DataQualityRuleset': (
        ('region', 'aws-region'),
    ),
    'aws:glue/devEndpoint:DevEndpoint': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:glue/job:Job': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:glue/mLTransform:MLTransform': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:glue/partition:Partition': (
        ('region', 'aws-region'),
    ),
    'aws:glue/partitionIndex:PartitionIndex': (
        ('region', 'aws-region'),
    ),
    'aws:glue/registry:Registry': (
        ('region', 'aws-region'),
    ),
    'aws:glue/resourcePolicy:ResourcePolicy': (
        ('region', 'aws-region'),
    ),
    'aws:glue/schema:Schema': (
        ('region', 'aws-region'),
        ('registryArn', 'reference'),
    ),
    'aws:glue/securityConfiguration:SecurityConfiguration': (
        ('encryptionConfiguration.cloudwatchEncryption.kmsKeyArn', 'reference'),
        ('encryptionConfiguration.jobBookmarksEncryption.kmsKeyArn', 'reference'),
        ('encryptionConfiguration.s3Encryption.kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:glue/trigger:Trigger': (
        ('region', 'aws-region'),
    ),
    'aws:glue/userDefinedFunction:UserDefinedFunction': (
        ('region', 'aws-region'),
    ),
    'aws:glue/workflow:Workflow': (
        ('region', 'aws-region'),
    ),
    'aws:grafana/licenseAssociation:LicenseAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:grafana/roleAssociation:RoleAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:grafana/workspace:Workspace': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:grafana/workspaceApiKey:WorkspaceApiKey': (
        ('region', 'aws-region'),
    ),
    'aws:grafana/workspaceSamlConfiguration:WorkspaceSamlConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:grafana/workspaceServiceAccount:WorkspaceServiceAccount': (
        ('region', 'aws-region'),
    ),
    'aws:grafana/workspaceServiceAccountToken:WorkspaceServiceAccountToken': (
        ('region', 'aws-region'),
    ),
    'aws:guardduty/detector:Detector': (
        ('region', 'aws-region'),
    ),
    'aws:guardduty/detectorFeature:DetectorFeature': (
        ('region', 'aws-region'),
    ),
    'aws:guardduty/filter:Filter': (
        ('region', 'aws-region'),
    ),
    'aws:guardduty/iPSet:IPSet': (
        ('region', 'aws-region'),
    ),
    'aws:guardduty/inviteAccepter:InviteAccepter': (
        ('region', 'aws-region'),
    ),
    'aws:guardduty/malwareProtectionPlan:MalwareProtectionPlan': (
        ('region', 'aws-region'),
    ),
    'aws:guardduty/member:Member': (
        ('region', 'aws-region'),
    ),
    'aws:guardduty/memberDetectorFeature:MemberDetectorFeature': (
        ('region', 'aws-region'),
    ),
    'aws:guardduty/organizationAdminAccount:OrganizationAdminAccount': (
        ('region', 'aws-region'),
    ),
    'aws:guardduty/organizationConfiguration:OrganizationConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:guardduty/organizationConfigurationFeature:OrganizationConfigurationFeature': (
        ('region', 'aws-region'),
    ),
    'aws:guardduty/publishingDestination:PublishingDestination': (
        ('destinationArn', 'remote'),
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:guardduty/threatIntelSet:ThreatIntelSet': (
        ('region', 'aws-region'),
    ),
    'aws:iam/groupPolicyAttachment:GroupPolicyAttachment': (
        ('policyArn', 'reference'),
    ),
    'aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive': (
        ('policyArns', 'reference'),
    ),
    'aws:iam/policyAttachment:PolicyAttachment': (
        ('policyArn', 'reference'),
    ),
    'aws:iam/role:Role': (
        ('managedPolicyArns', 'reference'),
    ),
    'aws:iam/rolePolicyAttachment:RolePolicyAttachment': (
        ('policyArn', 'reference'),
    ),
    'aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive': (
        ('policyArns', 'reference'),
    ),
    'aws:iam/userPolicyAttachment:UserPolicyAttachment': (
        ('policyArn', 'reference'),
    ),
    'aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive': (
        ('policyArns', 'reference'),
    ),
    'aws:identitystore/group:Group': (
        ('region', 'aws-region'),
    ),
    'aws:identitystore/groupMembership:GroupMembership': (
        ('region', 'aws-region'),
    ),
    'aws:identitystore/user:User': (
        ('addresses.region', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:imagebuilder/component:Component': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:imagebuilder/containerRecipe:ContainerRecipe': (
        ('components[].componentArn', 'reference'),
        ('instanceConfiguration.blockDeviceMappings[].ebs.kmsKeyId', 'reference'),
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:imagebuilder/distributionConfiguration:DistributionConfiguration': (
        ('distributions[].amiDistributionConfiguration.kmsKeyId', 'reference'),
        ('distributions[].amiDistributionConfiguration.launchPermission.organizationArns', 'reference'),
        ('distributions[].amiDistributionConfiguration.launchPermission.organizationalUnitArns', 'reference'),
        ('distributions[].licenseConfigurationArns', 'reference'),
        ('distributions[].region', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:imagebuilder/image:Image': (
        ('containerRecipeArn', 'reference'),
        ('distributionConfigurationArn', 'reference'),
        ('imageRecipeArn', 'reference'),
        ('infrastructureConfigurationArn', 'reference'),
        ('region', 'aws-region'),
        ('workflows[].workflowArn', 'reference'),
    ),
    'aws:imagebuilder/imagePipeline:ImagePipeline': (
        ('containerRecipeArn', 'reference'),
        ('distributionConfigurationArn', 'reference'),
        ('imageRecipeArn', 'reference'),
        ('infrastructureConfigurationArn', 'reference'),
        ('region', 'aws-region'),
        ('workflows[].workflowArn', 'reference'),
    ),
    'aws:imagebuilder/imageRecipe:ImageRecipe': (
        ('blockDeviceMappings[].ebs.kmsKeyId', 'reference'),
        ('components[].componentArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:imagebuilder/infrastructureConfiguration:InfrastructureConfiguration': (
        ('placement.hostResourceGroupArn', 'reference'),
        ('region', 'aws-region'),
        ('snsTopicArn', 'reference'),
    ),
    'aws:imagebuilder/lifecyclePolicy:LifecyclePolicy': (
        ('policyDetails[].exclusionRules.amis.regions', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:imagebuilder/workflow:Workflow': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:inspector/assessmentTarget:AssessmentTarget': (
        ('region', 'aws-region'),
        ('resourceGroupArn', 'reference'),
    ),
    'aws:inspector/assessmentTemplate:AssessmentTemplate': (
        ('eventSubscriptions[].topicArn', 'reference'),
        ('region', 'aws-region'),
        ('rulesPackageArns', 'reference'),
        ('targetArn', 'reference'),
    ),
    'aws:inspector/resourceGroup:ResourceGroup': (
        ('region', 'aws-region'),
    ),
    'aws:inspector2/delegatedAdminAccount:DelegatedAdminAccount': (
        ('region', 'aws-region'),
    ),
    'aws:inspector2/enabler:Enabler': (
        ('region', 'aws-region'),
    ),
    'aws:inspector2/filter:Filter': (
        ('region', 'aws-region'),
    ),
    'aws:inspector2/memberAssociation:MemberAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:inspector2/organizationConfiguration:OrganizationConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:invoicing/invoiceUnit:InvoiceUnit': (
        ('region', 'aws-region'),
    ),
    'aws:iot/authorizer:Authorizer': (
        ('authorizerFunctionArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:iot/billingGroup:BillingGroup': (
        ('region', 'aws-region'),
    ),
    'aws:iot/caCertificate:CaCertificate': (
        ('region', 'aws-region'),
        ('registrationConfig.roleArn', 'reference'),
    ),
    'aws:iot/certificate:Certificate': (
        ('region', 'aws-region'),
    ),
    'aws:iot/domainConfiguration:DomainConfiguration': (
        ('region', 'aws-region'),
        ('serverCertificateArns', 'reference'),
        ('validationCertificateArn', 'reference'),
    ),
    'aws:iot/eventConfigurations:EventConfigurations': (
        ('region', 'aws-region'),
    ),
    'aws:iot/indexingConfiguration:IndexingConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:iot/loggingOptions:LoggingOptions': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:iot/policy:Policy': (
        ('region', 'aws-region'),
    ),
    'aws:iot/policyAttachment:PolicyAttachment': (
        ('region', 'aws-region'),
    ),
    'aws:iot/provisioningTemplate:ProvisioningTemplate': (
        ('preProvisioningHook.targetArn', 'reference'),
        ('provisioningRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:iot/roleAlias:RoleAlias': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:iot/thing:Thing': (
        ('region', 'aws-region'),
    ),
    'aws:iot/thingGroup:ThingGroup': (
        ('region', 'aws-region'),
    ),
    'aws:iot/thingGroupMembership:ThingGroupMembership': (
        ('region', 'aws-region'),
    ),
    'aws:iot/thingPrincipalAttachment:ThingPrincipalAttachment': (
        ('region', 'aws-region'),
    ),
    'aws:iot/thingType:ThingType': (
        ('region', 'aws-region'),
    ),
    'aws:iot/topicRule:TopicRule': (
        ('cloudwatchAlarms[].roleArn', 'reference'),
        ('cloudwatchLogs[].roleArn', 'reference'),
        ('cloudwatchMetrics[].roleArn', 'reference'),
        ('dynamodbs[].roleArn', 'reference'),
        ('dynamodbv2s[].roleArn', 'reference'),
        ('elasticsearch[].roleArn', 'reference'),
        ('errorAction.cloudwatchAlarm.roleArn', 'reference'),
        ('errorAction.cloudwatchLogs.roleArn', 'reference'),
        ('errorAction.cloudwatchMetric.roleArn', 'reference'),
        ('errorAction.dynamodb.roleArn', 'reference'),
        ('errorAction.dynamodbv2.roleArn', 'reference'),
        ('errorAction.elasticsearch.roleArn', 'reference'),
        ('errorAction.firehose.roleArn', 'reference'),
        ('errorAction.iotAnalytics.roleArn', 'reference'),
        ('errorAction.iotEvents.roleArn', 'reference'),
        ('errorAction.kafka.destinationArn', 'remote'),
        ('errorAction.kinesis.roleArn', 'reference'),
        ('errorAction.lambda.functionArn', 'reference'),
        ('errorAction.republish.roleArn', 'reference'),
        ('errorAction.s3.roleArn', 'reference'),
        ('errorAction.sns.roleArn', 'reference'),
        ('errorAction.sns.targetArn', 'reference'),
        ('errorAction.sqs.roleArn', 'reference'),
        ('errorAction.stepFunctions.roleArn', 'reference'),
        ('errorAction.timestream.roleArn', 'reference'),
        ('firehoses[].roleArn', 'reference'),
        ('iotAnalytics[].roleArn', 'reference'),
        ('iotEvents[].roleArn', 'reference'),
        ('kafkas[].destinationArn', 'remote'),
        ('kineses[].roleArn', 'reference'),
        ('lambdas[].functionArn', 'reference'),
        ('region', 'aws-region'),
        ('republishes[].roleArn', 'reference'),
        ('s3[].roleArn', 'reference'),
        ('sns[].roleArn', 'reference'),
        ('sns[].targetArn', 'reference'),
        ('sqs[].roleArn', 'reference'),
        ('stepFunctions[].roleArn', 'reference'),
        ('timestreams[].roleArn', 'reference'),
    ),
    'aws:iot/topicRuleDestination:TopicRuleDestination': (
        ('region', 'aws-region'),
        ('vpcConfiguration.roleArn', 'reference'),
    ),
    'aws:ivs/channel:Channel': (
        ('recordingConfigurationArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ivs/playbackKeyPair:PlaybackKeyPair': (
        ('region', 'aws-region'),
    ),
    'aws:ivs/recordingConfiguration:RecordingConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:ivschat/loggingConfiguration:LoggingConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:ivschat/room:Room': (
        ('region', 'aws-region'),
    ),
    'aws:kendra/dataSource:DataSource': (
        ('customDocumentEnrichmentConfiguration.postExtractionHookConfiguration.lambdaArn', 'reference'),
        ('customDocumentEnrichmentConfiguration.preExtractionHookConfiguration.lambdaArn', 'reference'),
        ('customDocumentEnrichmentConfiguration.roleArn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:kendra/experience:Experience': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:kendra/faq:Faq': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:kendra/index:Index': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
        ('serverSideEncryptionConfiguration.kmsKeyId', 'reference'),
        ('userTokenConfigurations.jwtTokenTypeConfiguration.secretsManagerArn', 'reference'),
    ),
    'aws:kendra/querySuggestionsBlockList:QuerySuggestionsBlockList': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:kendra/thesaurus:Thesaurus': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:keyspaces/keyspace:Keyspace': (
        ('region', 'aws-region'),
    ),
    'aws:keyspaces/table:Table': (
        ('region', 'aws-region'),
    ),
    'aws:kinesis/accountSettings:AccountSettings': (
        ('region', 'aws-region'),
    ),
    'aws:kinesis/analyticsApplication:AnalyticsApplication': (
        ('cloudwatchLoggingOptions.logStreamArn', 'reference'),
        ('cloudwatchLoggingOptions.roleArn', 'reference'),
        ('inputs.kinesisFirehose.resourceArn', 'reference'),
        ('inputs.kinesisFirehose.roleArn', 'reference'),
        ('inputs.kinesisStream.resourceArn', 'reference'),
        ('inputs.kinesisStream.roleArn', 'reference'),
        ('inputs.processingConfiguration.lambda.resourceArn', 'reference'),
        ('inputs.processingConfiguration.lambda.roleArn', 'reference'),
        ('outputs[].kinesisFirehose.resourceArn', 'reference'),
        ('outputs[].kinesisFirehose.roleArn', 'reference'),
        ('outputs[].kinesisStream.resourceArn', 'reference'),
        ('outputs[].kinesisStream.roleArn', 'reference'),
        ('outputs[].lambda.resourceArn', 'reference'),
        ('outputs[].lambda.roleArn', 'reference'),
        ('referenceDataSources.s3.bucketArn', 'reference'),
        ('referenceDataSources.s3.roleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream': (
        ('arn', 'reference'),
        ('elasticsearchConfiguration.domainArn', 'reference'),
        ('elasticsearchConfiguration.roleArn', 'reference'),
        ('elasticsearchConfiguration.s3Configuration.bucketArn', 'reference'),
        ('elasticsearchConfiguration.s3Configuration.kmsKeyArn', 'reference'),
        ('elasticsearchConfiguration.s3Configuration.roleArn', 'reference'),
        ('elasticsearchConfiguration.vpcConfig.roleArn', 'reference'),
        ('extendedS3Configuration.bucketArn', 'reference'),
        ('extendedS3Configuration.dataFormatConversionConfiguration.schemaConfiguration.region', 'aws-region'),
        ('extendedS3Configuration.dataFormatConversionConfiguration.schemaConfiguration.roleArn', 'reference'),
        ('extendedS3Configuration.kmsKeyArn', 'reference'),
        ('extendedS3Configuration.roleArn', 'reference'),
        ('extendedS3Configuration.s3BackupConfiguration.bucketArn', 'reference'),
        ('extendedS3Configuration.s3BackupConfiguration.kmsKeyArn', 'reference'),
        ('extendedS3Configuration.s3BackupConfiguration.roleArn', 'reference'),
        ('httpEndpointConfiguration.roleArn', 'reference'),
        ('httpEndpointConfiguration.s3Configuration.bucketArn', 'reference'),
        ('httpEndpointConfiguration.s3Configuration.kmsKeyArn', 'reference'),
        ('httpEndpointConfiguration.s3Configuration.roleArn', 'reference'),
        ('httpEndpointConfiguration.secretsManagerConfiguration.roleArn', 'reference'),
        ('httpEndpointConfiguration.secretsManagerConfiguration.secretArn', 'reference'),
        ('icebergConfiguration.catalogArn', 'reference'),
        ('icebergConfiguration.roleArn', 'reference'),
        ('icebergConfiguration.s3Configuration.bucketArn', 'reference'),
        ('icebergConfiguration.s3Configuration.kmsKeyArn', 'reference'),
        ('icebergConfiguration.s3Configuration.roleArn', 'reference'),
        ('kinesisSourceConfiguration.kinesisStreamArn', 'reference'),
        ('kinesisSourceConfiguration.roleArn', 'reference'),
        ('mskSourceConfiguration.authenticationConfiguration.roleArn', 'reference'),
        ('mskSourceConfiguration.mskClusterArn', 'reference'),
        ('opensearchConfiguration.domainArn', 'reference'),
        ('opensearchConfiguration.roleArn', 'reference'),
        ('opensearchConfiguration.s3Configuration.bucketArn', 'reference'),
        ('opensearchConfiguration.s3Configuration.kmsKeyArn', 'reference'),
        ('opensearchConfiguration.s3Configuration.roleArn', 'reference'),
        ('opensearchConfiguration.vpcConfig.roleArn', 'reference'),
        ('opensearchserverlessConfiguration.roleArn', 'reference'),
        ('opensearchserverlessConfiguration.s3Configuration.bucketArn', 'reference'),
        ('opensearchserverlessConfiguration.s3Configuration.kmsKeyArn', 'reference'),
        ('opensearchserverlessConfiguration.s3Configuration.roleArn', 'reference'),
        ('opensearchserverlessConfiguration.vpcConfig.roleArn', 'reference'),
        ('redshiftConfiguration.roleArn', 'reference'),
        ('redshiftConfiguration.s3BackupConfiguration.bucketArn', 'reference'),
        ('redshiftConfiguration.s3BackupConfiguration.kmsKeyArn', 'reference'),
        ('redshiftConfiguration.s3BackupConfiguration.roleArn', 'reference'),
        ('redshiftConfiguration.s3Configuration.bucketArn', 'reference'),
        ('redshiftConfiguration.s3Configuration.kmsKeyArn', 'reference'),
        ('redshiftConfiguration.s3Configuration.roleArn', 'reference'),
        ('redshiftConfiguration.secretsManagerConfiguration.roleArn', 'reference'),
        ('redshiftConfiguration.secretsManagerConfiguration.secretArn', 'reference'),
        ('region', 'aws-region'),
        ('serverSideEncryption.keyArn', 'reference'),
        ('snowflakeConfiguration.roleArn', 'reference'),
        ('snowflakeConfiguration.s3Configuration.bucketArn', 'reference'),
        ('snowflakeConfiguration.s3Configuration.kmsKeyArn', 'reference'),
        ('snowflakeConfiguration.s3Configuration.roleArn', 'reference'),
        ('snowflakeConfiguration.secretsManagerConfiguration.roleArn', 'reference'),
        ('snowflakeConfiguration.secretsManagerConfiguration.secretArn', 'reference'),
        ('splunkConfiguration.s3Configuration.bucketArn', 'reference'),
        ('splunkConfiguration.s3Configuration.kmsKeyArn', 'reference'),
        ('splunkConfiguration.s3Configuration.roleArn', 'reference'),
        ('splunkConfiguration.secretsManagerConfiguration.roleArn', 'reference'),
        ('splunkConfiguration.secretsManagerConfiguration.secretArn', 'reference'),
    ),
    'aws:kinesis/resourcePolicy:ResourcePolicy': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:kinesis/stream:Stream': (
        ('arn', 'reference'),
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:kinesis/streamConsumer:StreamConsumer': (
        ('region', 'aws-region'),
        ('streamArn', 'reference'),
    ),
    'aws:kinesis/videoStream:VideoStream': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:kinesisanalyticsv2/application:Application': (
        ('applicationConfiguration.applicationCodeConfiguration.codeContent.s3ContentLocation.bucketArn', 'reference'),
        ('applicationConfiguration.sqlApplicationConfiguration.input.inputProcessingConfiguration.inputLambdaProcessor.resourceArn', 'reference'),
        ('applicationConfiguration.sqlApplicationConfiguration.input.kinesisFirehoseInput.resourceArn', 'reference'),
        ('applicationConfiguration.sqlApplicationConfiguration.input.kinesisStreamsInput.resourceArn', 'reference'),
        ('applicationConfiguration.sqlApplicationConfiguration.outputs[].kinesisFirehoseOutput.resourceArn', 'reference'),
        ('applicationConfiguration.sqlApplicationConfiguration.outputs[].kinesisStreamsOutput.resourceArn', 'reference'),
        ('applicationConfiguration.sqlApplicationConfiguration.outputs[].lambdaOutput.resourceArn', 'reference'),
        ('applicationConfiguration.sqlApplicationConfiguration.referenceDataSource.s3ReferenceDataSource.bucketArn', 'reference'),
        ('cloudwatchLoggingOptions.logStreamArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:kinesisanalyticsv2/applicationSnapshot:ApplicationSnapshot': (
        ('region', 'aws-region'),
    ),
    'aws:kms/alias:Alias': (
        ('region', 'aws-region'),
    ),
    'aws:kms/ciphertext:Ciphertext': (
        ('region', 'aws-region'),
    ),
    'aws:kms/customKeyStore:CustomKeyStore': (
        ('region', 'aws-region'),
    ),
    'aws:kms/externalKey:ExternalKey': (
        ('region', 'aws-region'),
    ),
    'aws:kms/grant:Grant': (
        ('region', 'aws-region'),
    ),
    'aws:kms/key:Key': (
        ('region', 'aws-region'),
    ),
    'aws:kms/keyPolicy:KeyPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:kms/replicaExternalKey:ReplicaExternalKey': (
        ('primaryKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:kms/replicaKey:ReplicaKey': (
        ('primaryKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:lakeformation/dataCellsFilter:DataCellsFilter': (
        ('region', 'aws-region'),
    ),
    'aws:lakeformation/dataLakeSettings:DataLakeSettings': (
        ('region', 'aws-region'),
    ),
    'aws:lakeformation/identityCenterConfiguration:IdentityCenterConfiguration': (
        ('instanceArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:lakeformation/lfTag:LfTag': (
        ('region', 'aws-region'),
    ),
    'aws:lakeformation/lfTagExpression:LfTagExpression': (
        ('region', 'aws-region'),
    ),
    'aws:lakeformation/optIn:OptIn': (
        ('region', 'aws-region'),
        ('resourceDatas[].dataLocations[].resourceArn', 'reference'),
    ),
    'aws:lakeformation/permissions:Permissions': (
        ('dataLocation.arn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:lakeformation/resource:Resource': (
        ('arn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:lakeformation/resourceLfTag:ResourceLfTag': (
        ('region', 'aws-region'),
    ),
    'aws:lakeformation/resourceLfTags:ResourceLfTags': (
        ('region', 'aws-region'),
    ),
    'aws:lambda/alias:Alias': (
        ('region', 'aws-region'),
    ),
    'aws:lambda/capacityProvider:CapacityProvider': (
        ('kmsKeyArn', 'reference'),
        ('permissionsConfig.capacityProviderOperatorRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:lambda/codeSigningConfig:CodeSigningConfig': (
        ('allowedPublishers.signingProfileVersionArns', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:lambda/coreNetworkConnector:CoreNetworkConnector': (
        ('region', 'aws-region'),
    ),
    'aws:lambda/eventSourceMapping:EventSourceMapping': (
        ('destinationConfig.onFailure.destinationArn', 'remote'),
        ('eventSourceArn', 'reference'),
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:lambda/function:Function': (
        ('capacityProviderConfig.lambdaManagedInstancesCapacityProviderConfig.capacityProviderArn', 'reference'),
        ('codeSigningConfigArn', 'reference'),
        ('deadLetterConfig.targetArn', 'reference'),
        ('fileSystemConfig.arn', 'reference'),
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
        ('sourceKmsKeyArn', 'reference'),
    ),
    'aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig': (
        ('region', 'aws-region'),
    ),
    'aws:lambda/functionRecursionConfig:FunctionRecursionConfig': (
        ('region', 'aws-region'),
    ),
    'aws:lambda/functionScalingConfig:FunctionScalingConfig': (
        ('region', 'aws-region'),
    ),
    'aws:lambda/functionUrl:FunctionUrl': (
        ('region', 'aws-region'),
    ),
    'aws:lambda/invocation:Invocation': (
        ('region', 'aws-region'),
    ),
    'aws:lambda/layerVersion:LayerVersion': (
        ('region', 'aws-region'),
    ),
    'aws:lambda/layerVersionPermission:LayerVersionPermission': (
        ('region', 'aws-region'),
    ),
    'aws:lambda/microvmsImage:MicrovmsImage': (
        ('baseImageArn', 'reference'),
        ('buildRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:lambda/permission:Permission': (
        ('region', 'aws-region'),
        ('sourceArn', 'reference'),
    ),
    'aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig': (
        ('region', 'aws-region'),
    ),
    'aws:lambda/resourcePolicy:ResourcePolicy': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:lambda/runtimeManagementConfig:RuntimeManagementConfig': (
        ('region', 'aws-region'),
        ('runtimeVersionArn', 'reference'),
    ),
    'aws:lambdamicrovms/image:Image': (
        ('baseImageArn', 'reference'),
        ('buildRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:lambdamicrovms/microvm:Microvm': (
        ('executionRoleArn', 'reference'),
        ('imageArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:lb/listener:Listener': (
        ('certificateArn', 'reference'),
        ('defaultActions[].authenticateCognito.userPoolArn', 'reference'),
        ('defaultActions[].forward.targetGroups[].arn', 'reference'),
        ('defaultActions[].targetGroupArn', 'reference'),
        ('loadBalancerArn', 'reference'),
        ('mutualAuthentication.trustStoreArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:lb/listenerCertificate:ListenerCertificate': (
        ('certificateArn', 'reference'),
        ('listenerArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:lb/listenerRule:ListenerRule': (
        ('actions[].authenticateCognito.userPoolArn', 'reference'),
        ('actions[].forward.targetGroups[].arn', 'reference'),
        ('actions[].targetGroupArn', 'reference'),
        ('listenerArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:lb/loadBalancer:LoadBalancer': (
        ('region', 'aws-region'),
    ),
    'aws:lb/targetGroup:TargetGroup': (
        ('region', 'aws-region'),
    ),
    'aws:lb/targetGroupAttachment:TargetGroupAttachment': (
        ('region', 'aws-region'),
        ('targetGroupArn', 'reference'),
    ),
    'aws:lb/trustStore:TrustStore': (
        ('region', 'aws-region'),
    ),
    'aws:lb/trustStoreRevocation:TrustStoreRevocation': (
        ('region', 'aws-region'),
        ('trustStoreArn', 'reference'),
    ),
    'aws:lex/bot:Bot': (
        ('region', 'aws-region'),
    ),
    'aws:lex/botAlias:BotAlias': (
        ('conversationLogs.iamRoleArn', 'reference'),
        ('conversationLogs.logSettings[].kmsKeyArn', 'reference'),
        ('conversationLogs.logSettings[].resourceArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:lex/intent:Intent': (
        ('region', 'aws-region'),
    ),
    'aws:lex/slotType:SlotType': (
        ('region', 'aws-region'),
    ),
    'aws:lex/v2modelsBot:V2modelsBot': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:lex/v2modelsBotLocale:V2modelsBotLocale': (
        ('region', 'aws-region'),
    ),
    'aws:lex/v2modelsBotVersion:V2modelsBotVersion': (
        ('region', 'aws-region'),
    ),
    'aws:lex/v2modelsIntent:V2modelsIntent': (
        ('qnaIntentConfiguration.bedrockModelConfiguration.modelArn', 'reference'),
        ('qnaIntentConfiguration.dataSourceConfiguration.bedrockKnowledgeStoreConfiguration.bedrockKnowledgeBaseArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:lex/v2modelsSlot:V2modelsSlot': (
        ('region', 'aws-region'),
    ),
    'aws:lex/v2modelsSlotType:V2modelsSlotType': (
        ('externalSourceSettings[].grammarSlotTypeSettings[].sources[].kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:licensemanager/association:Association': (
        ('licenseConfigurationArn', 'reference'),
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:licensemanager/licenseConfiguration:LicenseConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:licensemanager/licenseGrant:LicenseGrant': (
        ('licenseArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:licensemanager/licenseGrantAccepter:LicenseGrantAccepter': (
        ('grantArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:lightsail/bucket:Bucket': (
        ('region', 'aws-region'),
    ),
    'aws:lightsail/bucketAccessKey:BucketAccessKey': (
        ('region', 'aws-region'),
    ),
    'aws:lightsail/bucketResourceAccess:BucketResourceAccess': (
        ('region', 'aws-region'),
    ),
    'aws:lightsail/certificate:Certificate': (
        ('region', 'aws-region'),
    ),
    'aws:lightsail/containerService:ContainerService': (
        ('privateRegistryAccess.ecrImagePullerRole.principalArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:lightsail/containerServiceDeploymentVersion:ContainerServiceDeploymentVersion': (
        ('region', 'aws-region'),
    ),
    'aws:lightsail/database:Database': (
        ('region', 'aws-region'),
    ),
    'aws:lightsail/disk:Disk': (
        ('region', 'aws-region'),
    ),
    'aws:lightsail/disk_attachment:Disk_attachment': (
        ('region', 'aws-region'),
    ),
    'aws:lightsail/distribution:Distribution': (
        ('origin.regionName', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:lightsail/domain:Domain': (
        ('region', 'aws-region'),
    ),
    'aws:lightsail/domainEntry:DomainEntry': (
        ('region', 'aws-region'),
    ),
    'aws:lightsail/instance:Instance': (
        ('region', 'aws-region'),
    ),
    'aws:lightsail/instancePublicPorts:InstancePublicPorts': (
        ('region', 'aws-region'),
    ),
    'aws:lightsail/keyPair:KeyPair': (
        ('region', 'aws-region'),
    ),
    'aws:lightsail/lb:Lb': (
        ('region', 'aws-region'),
    ),
    'aws:lightsail/lbAttachment:LbAttachment': (
        ('region', 'aws-region'),
    ),
    'aws:lightsail/lbCertificate:LbCertificate': (
        ('region', 'aws-region'),
    ),
    'aws:lightsail/lbCertificateAttachment:LbCertificateAttachment': (
        ('region', 'aws-region'),
    ),
    'aws:lightsail/lbHttpsRedirectionPolicy:LbHttpsRedirectionPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:lightsail/lbStickinessPolicy:LbStickinessPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:lightsail/staticIp:StaticIp': (
        ('region', 'aws-region'),
    ),
    'aws:lightsail/staticIpAttachment:StaticIpAttachment': (
        ('region', 'aws-region'),
    ),
    'aws:location/geofenceCollection:GeofenceCollection': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:location/map:Map': (
        ('region', 'aws-region'),
    ),
    'aws:location/placeIndex:PlaceIndex': (
        ('region', 'aws-region'),
    ),
    'aws:location/routeCalculation:RouteCalculation': (
        ('region', 'aws-region'),
    ),
    'aws:location/tracker:Tracker': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:location/trackerAssociation:TrackerAssociation': (
        ('consumerArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:m2/application:Application': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:m2/deployment:Deployment': (
        ('region', 'aws-region'),
    ),
    'aws:m2/environment:Environment': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:macie/customDataIdentifier:CustomDataIdentifier': (
        ('region', 'aws-region'),
    ),
    'aws:macie/findingsFilter:FindingsFilter': (
        ('region', 'aws-region'),
    ),
    'aws:macie2/account:Account': (
        ('region', 'aws-region'),
    ),
    'aws:macie2/classificationExportConfiguration:ClassificationExportConfiguration': (
        ('region', 'aws-region'),
        ('s3Destination.kmsKeyArn', 'reference'),
    ),
    'aws:macie2/classificationJob:ClassificationJob': (
        ('region', 'aws-region'),
    ),
    'aws:macie2/invitationAccepter:InvitationAccepter': (
        ('region', 'aws-region'),
    ),
    'aws:macie2/member:Member': (
        ('region', 'aws-region'),
    ),
    'aws:macie2/organizationAdminAccount:OrganizationAdminAccount': (
        ('region', 'aws-region'),
    ),
    'aws:macie2/organizationConfiguration:OrganizationConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:mailmanager/archive:Archive': (
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:mailmanager/ingressPoint:IngressPoint': (
        ('ingressPointConfiguration.secretArn', 'reference'),
        ('ingressPointConfiguration.tlsAuthConfiguration.trustStore.kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:mailmanager/relay:Relay': (
        ('authentication.secretArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:mailmanager/ruleSet:RuleSet': (
        ('region', 'aws-region'),
        ('rules[].actions[].bounce.roleArn', 'reference'),
        ('rules[].actions[].deliverToMailbox.mailboxArn', 'reference'),
        ('rules[].actions[].deliverToMailbox.roleArn', 'reference'),
        ('rules[].actions[].deliverToQBusiness.roleArn', 'reference'),
        ('rules[].actions[].invokeLambda.functionArn', 'reference'),
        ('rules[].actions[].invokeLambda.roleArn', 'reference'),
        ('rules[].actions[].publishToSns.roleArn', 'reference'),
        ('rules[].actions[].publishToSns.topicArn', 'reference'),
        ('rules[].actions[].send.roleArn', 'reference'),
        ('rules[].actions[].writeToS3.roleArn', 'reference'),
        ('rules[].actions[].writeToS3.s3SseKmsKeyId', 'reference'),
    ),
    'aws:mailmanager/trafficPolicy:TrafficPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:mediaconvert/queue:Queue': (
        ('region', 'aws-region'),
    ),
    'aws:medialive/channel:Channel': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:medialive/input:Input': (
        ('mediaConnectFlows[].flowArn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:medialive/inputSecurityGroup:InputSecurityGroup': (
        ('region', 'aws-region'),
    ),
    'aws:medialive/multiplex:Multiplex': (
        ('region', 'aws-region'),
    ),
    'aws:medialive/multiplexProgram:MultiplexProgram': (
        ('region', 'aws-region'),
    ),
    'aws:mediapackage/channel:Channel': (
        ('region', 'aws-region'),
    ),
    'aws:mediapackagev2/channelGroup:ChannelGroup': (
        ('region', 'aws-region'),
    ),
    'aws:mediastore/container:Container': (
        ('region', 'aws-region'),
    ),
    'aws:mediastore/containerPolicy:ContainerPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:memorydb/acl:Acl': (
        ('region', 'aws-region'),
    ),
    'aws:memorydb/cluster:Cluster': (
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
        ('snapshotArns', 'reference'),
        ('snsTopicArn', 'reference'),
    ),
    'aws:memorydb/multiRegionCluster:MultiRegionCluster': (
        ('region', 'aws-region'),
    ),
    'aws:memorydb/parameterGroup:ParameterGroup': (
        ('region', 'aws-region'),
    ),
    'aws:memorydb/snapshot:Snapshot': (
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:memorydb/subnetGroup:SubnetGroup': (
        ('region', 'aws-region'),
    ),
    'aws:memorydb/user:User': (
        ('region', 'aws-region'),
    ),
    'aws:mq/broker:Broker': (
        ('dataReplicationPrimaryBrokerArn', 'reference'),
        ('encryptionOptions.kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('resourceShareArns', 'reference'),
    ),
    'aws:mq/configuration:Configuration': (
        ('region', 'aws-region'),
    ),
    'aws:msk/channel:Channel': (
        ('clusterArn', 'reference'),
        ('encryptionConfiguration.kmsKeyArn', 'reference'),
        ('icebergDestination.catalog.catalogArn', 'reference'),
        ('icebergDestination.deadLetterQueueS3.bucketArn', 'reference'),
        ('icebergDestination.serviceExecutionRoleArn', 'reference'),
        ('region', 'aws-region'),
        ('s3Destination.deadLetterQueueS3.bucketArn', 'reference'),
        ('s3Destination.serviceExecutionRoleArn', 'reference'),
        ('s3Destination.storage.bucketArn', 'reference'),
        ('topicConfiguration.recordSchema.gsrArn', 'reference'),
        ('topicConfiguration.topicArn', 'reference'),
    ),
    'aws:msk/cluster:Cluster': (
        ('clientAuthentication.tls.certificateAuthorityArns', 'reference'),
        ('configurationInfo.arn', 'reference'),
        ('encryptionInfo.encryptionAtRestKmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:msk/clusterPolicy:ClusterPolicy': (
        ('clusterArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:msk/configuration:Configuration': (
        ('region', 'aws-region'),
    ),
    'aws:msk/replicator:Replicator': (
        ('kafkaClusters[].amazonMskCluster.mskClusterArn', 'reference'),
        ('kafkaClusters[].clientAuthentication.mtls.secretArn', 'reference'),
        ('kafkaClusters[].clientAuthentication.saslScram.secretArn', 'reference'),
        ('logDelivery.replicatorLogDelivery.s3.bucket', 'remote'),
        ('region', 'aws-region'),
        ('replicationInfoList.sourceKafkaClusterArn', 'remote'),
        ('replicationInfoList.targetKafkaClusterArn', 'remote'),
        ('serviceExecutionRoleArn', 'reference'),
    ),
    'aws:msk/scramSecretAssociation:ScramSecretAssociation': (
        ('clusterArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:msk/serverlessCluster:ServerlessCluster': (
        ('region', 'aws-region'),
    ),
    'aws:msk/singleScramSecretAssociation:SingleScramSecretAssociation': (
        ('clusterArn', 'reference'),
        ('region', 'aws-region'),
        ('secretArn', 'reference'),
    ),
    'aws:msk/topic:Topic': (
        ('clusterArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:msk/vpcConnection:VpcConnection': (
        ('region', 'aws-region'),
        ('targetClusterArn', 'reference'),
    ),
    'aws:mskconnect/connector:Connector': (
        ('plugins[].customPlugin.arn', 'reference'),
        ('region', 'aws-region'),
        ('serviceExecutionRoleArn', 'reference'),
        ('workerConfiguration.arn', 'reference'),
    ),
    'aws:mskconnect/customPlugin:CustomPlugin': (
        ('location.s3.bucketArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:mskconnect/workerConfiguration:WorkerConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:mwaa/environment:Environment': (
        ('executionRoleArn', 'reference'),
        ('kmsKey', 'reference'),
        ('loggingConfiguration.dagProcessingLogs.cloudWatchLogGroupArn', 'reference'),
        ('loggingConfiguration.schedulerLogs.cloudWatchLogGroupArn', 'reference'),
        ('loggingConfiguration.taskLogs.cloudWatchLogGroupArn', 'reference'),
        ('loggingConfiguration.webserverLogs.cloudWatchLogGroupArn', 'reference'),
        ('loggingConfiguration.workerLogs.cloudWatchLogGroupArn', 'reference'),
        ('region', 'aws-region'),
        ('sourceBucketArn', 'reference'),
    ),
    'aws:neptune/cluster:Cluster': (
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:neptune/clusterEndpoint:ClusterEndpoint': (
        ('region', 'aws-region'),
    ),
    'aws:neptune/clusterInstance:ClusterInstance': (
        ('region', 'aws-region'),
    ),
    'aws:neptune/clusterParameterGroup:ClusterParameterGroup': (
        ('region', 'aws-region'),
    ),
    'aws:neptune/clusterSnapshot:ClusterSnapshot': (
        ('region', 'aws-region'),
    ),
    'aws:neptune/eventSubscription:EventSubscription': (
        ('region', 'aws-region'),
        ('snsTopicArn', 'reference'),
    ),
    'aws:neptune/globalCluster:GlobalCluster': (
        ('region', 'aws-region'),
    ),
    'aws:neptune/parameterGroup:ParameterGroup': (
        ('region', 'aws-region'),
    ),
    'aws:neptune/subnetGroup:SubnetGroup': (
        ('region', 'aws-region'),
    ),
    'aws:neptunegraph/graph:Graph': (
        ('region', 'aws-region'),
    ),
    'aws:neptunegraph/privateGraphEndpoint:PrivateGraphEndpoint': (
        ('region', 'aws-region'),
    ),
    'aws:networkfirewall/containerAssociation:ContainerAssociation': (
        ('containerMonitoringConfigurations[].clusterArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:networkfirewall/firewall:Firewall': (
        ('firewallPolicyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:networkfirewall/firewallPolicy:FirewallPolicy': (
        ('firewallPolicy.statefulRuleGroupReferences[].resourceArn', 'reference'),
        ('firewallPolicy.statelessRuleGroupReferences[].resourceArn', 'reference'),
        ('firewallPolicy.tlsInspectionConfigurationArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:networkfirewall/firewallTransitGatewayAttachmentAccepter:FirewallTransitGatewayAttachmentAccepter': (
        ('region', 'aws-region'),
    ),
    'aws:networkfirewall/loggingConfiguration:LoggingConfiguration': (
        ('firewallArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:networkfirewall/resourcePolicy:ResourcePolicy': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:networkfirewall/ruleGroup:RuleGroup': (
        ('region', 'aws-region'),
        ('ruleGroup.referenceSets.ipSetReferences[].ipSetReferences[].referenceArn', 'reference'),
    ),
    'aws:networkfirewall/tlsInspectionConfiguration:TlsInspectionConfiguration': (
        ('region', 'aws-region'),
        ('tlsInspectionConfiguration.serverCertificateConfiguration.certificateAuthorityArn', 'reference'),
        ('tlsInspectionConfiguration.serverCertificateConfiguration.serverCertificates[].resourceArn', 'reference'),
    ),
    'aws:networkfirewall/vpcEndpointAssociation:VpcEndpointAssociation': (
        ('firewallArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:networkflowmonitor/monitor:Monitor': (
        ('region', 'aws-region'),
        ('scopeArn', 'reference'),
    ),
    'aws:networkflowmonitor/scope:Scope': (
        ('region', 'aws-region'),
        ('targets[].region', 'aws-region'),
    ),
    'aws:networkmanager/connectPeer:ConnectPeer': (
        ('subnetArn', 'reference'),
    ),
    'aws:networkmanager/coreNetwork:CoreNetwork': (
        ('basePolicyRegions', 'aws-region'),
    ),
    'aws:networkmanager/customerGatewayAssociation:CustomerGatewayAssociation': (
        ('customerGatewayArn', 'reference'),
    ),
    'aws:networkmanager/device:Device': (
        ('awsLocation.subnetArn', 'reference'),
    ),
    'aws:networkmanager/dxGatewayAttachment:DxGatewayAttachment': (
        ('directConnectGatewayArn', 'reference'),
    ),
    'aws:networkmanager/prefixListAssociation:PrefixListAssociation': (
        ('prefixListArn', 'reference'),
    ),
    'aws:networkmanager/siteToSiteVpnAttachment:SiteToSiteVpnAttachment': (
        ('vpnConnectionArn', 'reference'),
    ),
    'aws:networkmanager/transitGatewayConnectPeerAssociation:TransitGatewayConnectPeerAssociation': (
        ('transitGatewayConnectPeerArn', 'reference'),
    ),
    'aws:networkmanager/transitGatewayPeering:TransitGatewayPeering': (
        ('transitGatewayArn', 'reference'),
    ),
    'aws:networkmanager/transitGatewayRegistration:TransitGatewayRegistration': (
        ('transitGatewayArn', 'reference'),
    ),
    'aws:networkmanager/transitGatewayRouteTableAttachment:TransitGatewayRouteTableAttachment': (
        ('transitGatewayRouteTableArn', 'reference'),
    ),
    'aws:networkmanager/vpcAttachment:VpcAttachment': (
        ('subnetArns', 'reference'),
        ('vpcArn', 'reference'),
    ),
    'aws:networkmonitor/monitor:Monitor': (
        ('region', 'aws-region'),
    ),
    'aws:networkmonitor/probe:Probe': (
        ('region', 'aws-region'),
        ('sourceArn', 'reference'),
    ),
    'aws:notifications/channelAssociation:ChannelAssociation': (
        ('arn', 'reference'),
        ('notificationConfigurationArn', 'reference'),
    ),
    'aws:notifications/eventRule:EventRule': (
        ('notificationConfigurationArn', 'reference'),
        ('regions', 'aws-region'),
    ),
    'aws:notifications/managedNotificationAccountContactAssociation:ManagedNotificationAccountContactAssociation': (
        ('managedNotificationConfigurationArn', 'reference'),
    ),
    'aws:notifications/managedNotificationAdditionalChannelAssociation:ManagedNotificationAdditionalChannelAssociation': (
        ('channelArn', 'reference'),
        ('managedNotificationArn', 'reference'),
    ),
    'aws:notifications/notificationHub:NotificationHub': (
        ('notificationHubRegion', 'aws-region'),
    ),
    'aws:notifications/organizationalUnitAssociation:OrganizationalUnitAssociation': (
        ('notificationConfigurationArn', 'reference'),
    ),
    'aws:oam/link:Link': (
        ('region', 'aws-region'),
    ),
    'aws:oam/sink:Sink': (
        ('region', 'aws-region'),
    ),
    'aws:oam/sinkPolicy:SinkPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:observabilityadmin/centralizationRuleForOrganization:CentralizationRuleForOrganization': (
        ('region', 'aws-region'),
        ('rule.destination.destinationLogsConfiguration.backupConfiguration.kmsKeyArn', 'remote'),
        ('rule.destination.destinationLogsConfiguration.backupConfiguration.region', 'aws-region'),
        ('rule.destination.destinationLogsConfiguration.logsEncryptionConfiguration.kmsKeyArn', 'remote'),
        ('rule.destination.destinationLogsConfiguration.tagPropagationConfiguration.destinationRoleArn', 'remote'),
        ('rule.destination.destinationMetricsConfiguration.backupConfiguration.region', 'aws-region'),
        ('rule.destination.region', 'aws-region'),
        ('rule.source.regions', 'aws-region'),
    ),
    'aws:observabilityadmin/s3TableIntegration:S3TableIntegration': (
        ('encryption.kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:observabilityadmin/telemetryEnrichment:TelemetryEnrichment': (
        ('region', 'aws-region'),
    ),
    'aws:observabilityadmin/telemetryEvaluation:TelemetryEvaluation': (
        ('region', 'aws-region'),
        ('regions', 'aws-region'),
    ),
    'aws:observabilityadmin/telemetryEvaluationForOrganization:TelemetryEvaluationForOrganization': (
        ('region', 'aws-region'),
        ('regions', 'aws-region'),
    ),
    'aws:observabilityadmin/telemetryPipeline:TelemetryPipeline': (
        ('region', 'aws-region'),
    ),
    'aws:observabilityadmin/telemetryRule:TelemetryRule': (
        ('region', 'aws-region'),
        ('rule.regions', 'aws-region'),
    ),
    'aws:observabilityadmin/telemetryRuleForOrganization:TelemetryRuleForOrganization': (
        ('region', 'aws-region'),
        ('rule.regions', 'aws-region'),
    ),
    'aws:odb/autonomousDatabase:AutonomousDatabase': (
        ('adminPasswordSource.customerManagedAwsSecret.iamRoleArn', 'reference'),
        ('adminPasswordSource.customerManagedAwsSecret.secretArn', 'reference'),
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('sourceConfiguration.crossRegionDataGuard.sourceAutonomousDatabaseArn', 'reference'),
        ('sourceConfiguration.crossRegionDisasterRecovery.sourceAutonomousDatabaseArn', 'reference'),
    ),
    'aws:odb/autonomousDatabaseSecretsManagerIntegration:AutonomousDatabaseSecretsManagerIntegration': (
        ('region', 'aws-region'),
    ),
    'aws:odb/cloudAutonomousVmCluster:CloudAutonomousVmCluster': (
        ('cloudExadataInfrastructureArn', 'reference'),
        ('odbNetworkArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:odb/cloudExadataInfrastructure:CloudExadataInfrastructure': (
        ('region', 'aws-region'),
    ),
    'aws:odb/cloudVmCluster:CloudVmCluster': (
        ('cloudExadataInfrastructureArn', 'reference'),
        ('odbNetworkArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:odb/iamRoleAssociation:IamRoleAssociation': (
        ('iamRoleArn', 'reference'),
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:odb/network:Network': (
        ('region', 'aws-region'),
    ),
    'aws:odb/networkPeeringConnection:NetworkPeeringConnection': (
        ('odbNetworkArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:opensearch/application:Application': (
        ('dataSources[].dataSourceArn', 'reference'),
        ('iamIdentityCenterOptions.iamIdentityCenterApplicationArn', 'reference'),
        ('iamIdentityCenterOptions.iamIdentityCenterInstanceArn', 'reference'),
        ('iamIdentityCenterOptions.iamRoleForIdentityCenterApplicationArn', 'reference'),
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:opensearch/authorizeVpcEndpointAccess:AuthorizeVpcEndpointAccess': (
        ('region', 'aws-region'),
    ),
    'aws:opensearch/domain:Domain': (
        ('advancedSecurityOptions.masterUserOptions.masterUserArn', 'reference'),
        ('cognitoOptions.roleArn', 'reference'),
        ('domainEndpointOptions.customEndpointCertificateArn', 'reference'),
        ('encryptAtRest.kmsKeyId', 'reference'),
        ('identityCenterOptions.identityCenterInstanceArn', 'reference'),
        ('logPublishingOptions[].cloudwatchLogGroupArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:opensearch/domainPolicy:DomainPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:opensearch/domainSamlOptions:DomainSamlOptions': (
        ('region', 'aws-region'),
    ),
    'aws:opensearch/inboundConnectionAccepter:InboundConnectionAccepter': (
        ('region', 'aws-region'),
    ),
    'aws:opensearch/outboundConnection:OutboundConnection': (
        ('localDomainInfo.region', 'aws-region'),
        ('region', 'aws-region'),
        ('remoteDomainInfo.region', 'aws-region'),
    ),
    'aws:opensearch/package:Package': (
        ('region', 'aws-region'),
    ),
    'aws:opensearch/packageAssociation:PackageAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:opensearch/serverlessCollection:ServerlessCollection': (
        ('encryptionConfigs[].kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:opensearch/serverlessCollectionGroup:ServerlessCollectionGroup': (
        ('region', 'aws-region'),
    ),
    'aws:opensearch/serverlessLifecyclePolicy:ServerlessLifecyclePolicy': (
        ('region', 'aws-region'),
    ),
    'aws:opensearch/serverlessSecurityConfig:ServerlessSecurityConfig': (
        ('iamIdentityCenterOptions.instanceArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:opensearch/serverlessVpcEndpoint:ServerlessVpcEndpoint': (
        ('region', 'aws-region'),
    ),
    'aws:opensearch/vpcEndpoint:VpcEndpoint': (
        ('domainArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:opensearchingest/pipeline:Pipeline': (
        ('encryptionAtRestOptions.kmsKeyArn', 'reference'),
        ('pipelineRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:opensearchingest/pipelineEndpoint:PipelineEndpoint': (
        ('pipelineArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:opensearchingest/resourcePolicy:ResourcePolicy': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:outposts/capacityTask:CapacityTask': (
        ('region', 'aws-region'),
    ),
    'aws:paymentcryptography/key:Key': (
        ('region', 'aws-region'),
    ),
    'aws:paymentcryptography/keyAlias:KeyAlias': (
        ('keyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:pinpoint/admChannel:AdmChannel': (
        ('region', 'aws-region'),
    ),
    'aws:pinpoint/apnsChannel:ApnsChannel': (
        ('region', 'aws-region'),
    ),
    'aws:pinpoint/apnsSandboxChannel:ApnsSandboxChannel': (
        ('region', 'aws-region'),
    ),
    'aws:pinpoint/apnsVoipChannel:ApnsVoipChannel': (
        ('region', 'aws-region'),
    ),
    'aws:pinpoint/apnsVoipSandboxChannel:ApnsVoipSandboxChannel': (
        ('region', 'aws-region'),
    ),
    'aws:pinpoint/app:App': (
        ('region', 'aws-region'),
    ),
    'aws:pinpoint/baiduChannel:BaiduChannel': (
        ('region', 'aws-region'),
    ),
    'aws:pinpoint/emailChannel:EmailChannel': (
        ('orchestrationSendingRoleArn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:pinpoint/emailTemplate:EmailTemplate': (
        ('region', 'aws-region'),
    ),
    'aws:pinpoint/eventStream:EventStream': (
        ('destinationStreamArn', 'remote'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:pinpoint/gcmChannel:GcmChannel': (
        ('region', 'aws-region'),
    ),
    'aws:pinpoint/smsChannel:SmsChannel': (
        ('region', 'aws-region'),
    ),
    'aws:pinpoint/smsvoicev2ConfigurationSet:Smsvoicev2ConfigurationSet': (
        ('region', 'aws-region'),
    ),
    'aws:pinpoint/smsvoicev2EventDestination:Smsvoicev2EventDestination': (
        ('cloudwatchLogsDestination.iamRoleArn', 'reference'),
        ('cloudwatchLogsDestination.logGroupArn', 'reference'),
        ('kinesisFirehoseDestination.deliveryStreamArn', 'reference'),
        ('kinesisFirehoseDestination.iamRoleArn', 'reference'),
        ('region', 'aws-region'),
        ('snsDestination.topicArn', 'reference'),
    ),
    'aws:pinpoint/smsvoicev2Keyword:Smsvoicev2Keyword': (
        ('originationIdentityArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:pinpoint/smsvoicev2OptOutList:Smsvoicev2OptOutList': (
        ('region', 'aws-region'),
    ),
    'aws:pinpoint/smsvoicev2PhoneNumber:Smsvoicev2PhoneNumber': (
        ('region', 'aws-region'),
        ('twoWayChannelArn', 'reference'),
    ),
    'aws:pinpoint/smsvoicev2Pool:Smsvoicev2Pool': (
        ('region', 'aws-region'),
        ('twoWayChannelArn', 'reference'),
    ),
    'aws:pinpoint/smsvoicev2ResourcePolicy:Smsvoicev2ResourcePolicy': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:pinpoint/smsvoicev2SenderId:Smsvoicev2SenderId': (
        ('region', 'aws-region'),
    ),
    'aws:pipes/pipe:Pipe': (
        ('logConfiguration.cloudwatchLogsLogDestination.logGroupArn', 'reference'),
        ('logConfiguration.firehoseLogDestination.deliveryStreamArn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
        ('sourceParameters.dynamodbStreamParameters.deadLetterConfig.arn', 'reference'),
        ('sourceParameters.kinesisStreamParameters.deadLetterConfig.arn', 'reference'),
        ('targetParameters.ecsTaskParameters.overrides.executionRoleArn', 'reference'),
        ('targetParameters.ecsTaskParameters.overrides.taskRoleArn', 'reference'),
        ('targetParameters.ecsTaskParameters.taskDefinitionArn', 'reference'),
        ('targetParameters.redshiftDataParameters.secretManagerArn', 'reference'),
    ),
    'aws:pricingplanmanager/subscription:Subscription': (
        ('resourceArns', 'reference'),
    ),
    'aws:qbusiness/application:Application': (
        ('encryptionConfiguration.kmsKeyId', 'reference'),
        ('iamServiceRoleArn', 'reference'),
        ('identityCenterInstanceArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:qldb/ledger:Ledger': (
        ('kmsKey', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:qldb/stream:Stream': (
        ('kinesisConfiguration.streamArn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:quicksight/accountSettings:AccountSettings': (
        ('region', 'aws-region'),
    ),
    'aws:quicksight/accountSubscription:AccountSubscription': (
        ('iamIdentityCenterInstanceArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:quicksight/analysis:Analysis': (
        ('region', 'aws-region'),
        ('sourceEntity.sourceTemplate.arn', 'reference'),
        ('sourceEntity.sourceTemplate.dataSetReferences[].dataSetArn', 'reference'),
        ('themeArn', 'reference'),
    ),
    'aws:quicksight/customPermissions:CustomPermissions': (
        ('region', 'aws-region'),
    ),
    'aws:quicksight/dashboard:Dashboard': (
        ('region', 'aws-region'),
        ('sourceEntity.sourceTemplate.arn', 'reference'),
        ('sourceEntity.sourceTemplate.dataSetReferences[].dataSetArn', 'reference'),
        ('themeArn', 'reference'),
    ),
    'aws:quicksight/dataSet:DataSet': (
        ('logicalTableMaps[].source.dataSetArn', 'reference'),
        ('physicalTableMaps[].customSql.dataSourceArn', 'reference'),
        ('physicalTableMaps[].relationalTable.dataSourceArn', 'reference'),
        ('physicalTableMaps[].s3Source.dataSourceArn', 'reference'),
        ('region', 'aws-region'),
        ('rowLevelPermissionDataSet.arn', 'reference'),
    ),
    'aws:quicksight/dataSource:DataSource': (
        ('credentials.copySourceArn', 'reference'),
        ('credentials.secretArn', 'reference'),
        ('parameters.athena.roleArn', 'reference'),
        ('parameters.s3.roleArn', 'reference'),
        ('region', 'aws-region'),
        ('vpcConnectionProperties.vpcConnectionArn', 'reference'),
    ),
    'aws:quicksight/folder:Folder': (
        ('parentFolderArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:quicksight/folderMembership:FolderMembership': (
        ('region', 'aws-region'),
    ),
    'aws:quicksight/group:Group': (
        ('region', 'aws-region'),
    ),
    'aws:quicksight/groupMembership:GroupMembership': (
        ('region', 'aws-region'),
    ),
    'aws:quicksight/iamPolicyAssignment:IamPolicyAssignment': (
        ('policyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:quicksight/ingestion:Ingestion': (
        ('region', 'aws-region'),
    ),
    'aws:quicksight/ipRestriction:IpRestriction': (
        ('region', 'aws-region'),
    ),
    'aws:quicksight/keyRegistration:KeyRegistration': (
        ('keyRegistrations[].keyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:quicksight/namespace:Namespace': (
        ('region', 'aws-region'),
    ),
    'aws:quicksight/refreshSchedule:RefreshSchedule': (
        ('region', 'aws-region'),
    ),
    'aws:quicksight/roleCustomPermission:RoleCustomPermission': (
        ('region', 'aws-region'),
    ),
    'aws:quicksight/roleMembership:RoleMembership': (
        ('region', 'aws-region'),
    ),
    'aws:quicksight/template:Template': (
        ('region', 'aws-region'),
        ('sourceEntity.sourceAnalysis.arn', 'reference'),
        ('sourceEntity.sourceAnalysis.dataSetReferences[].dataSetArn', 'reference'),
        ('sourceEntity.sourceTemplate.arn', 'reference'),
    ),
    'aws:quicksight/templateAlias:TemplateAlias': (
        ('region', 'aws-region'),
    ),
    'aws:quicksight/theme:Theme': (
        ('region', 'aws-region'),
    ),
    'aws:quicksight/user:User': (
        ('iamArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:quicksight/userCustomPermission:UserCustomPermission': (
        ('region', 'aws-region'),
    ),
    'aws:quicksight/vpcConnection:VpcConnection': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:ram/permission:Permission': (
        ('region', 'aws-region'),
    ),
    'aws:ram/principalAssociation:PrincipalAssociation': (
        ('region', 'aws-region'),
        ('resourceShareArn', 'reference'),
    ),
    'aws:ram/resourceAssociation:ResourceAssociation': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
        ('resourceShareArn', 'reference'),
    ),
    'aws:ram/resourceShare:ResourceShare': (
        ('permissionArns', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ram/resourceShareAccepter:ResourceShareAccepter': (
        ('region', 'aws-region'),
        ('shareArn', 'reference'),
    ),
    'aws:ram/resourceShareAssociationsExclusive:ResourceShareAssociationsExclusive': (
        ('region', 'aws-region'),
        ('resourceArns', 'reference'),
        ('resourceShareArn', 'reference'),
    ),
    'aws:rbin/rule:Rule': (
        ('region', 'aws-region'),
    ),
    'aws:rds/certificate:Certificate': (
        ('region', 'aws-region'),
    ),
    'aws:rds/cluster:Cluster': (
        ('kmsKeyId', 'reference'),
        ('masterUserSecretKmsKeyId', 'reference'),
        ('monitoringRoleArn', 'reference'),
        ('performanceInsightsKmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('sourceRegion', 'aws-region'),
    ),
    'aws:rds/clusterActivityStream:ClusterActivityStream': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:rds/clusterEndpoint:ClusterEndpoint': (
        ('region', 'aws-region'),
    ),
    'aws:rds/clusterInstance:ClusterInstance': (
        ('monitoringRoleArn', 'reference'),
        ('performanceInsightsKmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:rds/clusterParameterGroup:ClusterParameterGroup': (
        ('region', 'aws-region'),
    ),
    'aws:rds/clusterRoleAssociation:ClusterRoleAssociation': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:rds/clusterSnapshot:ClusterSnapshot': (
        ('region', 'aws-region'),
    ),
    'aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy': (
        ('destinationRegion', 'aws-region'),
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:rds/customDbEngineVersion:CustomDbEngineVersion': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:rds/eventSubscription:EventSubscription': (
        ('region', 'aws-region'),
    ),
    'aws:rds/exportTask:ExportTask': (
        ('iamRoleArn', 'reference'),
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('sourceArn', 'reference'),
    ),
    'aws:rds/globalCluster:GlobalCluster': (
        ('region', 'aws-region'),
    ),
    'aws:rds/instance:Instance': (
        ('domainAuthSecretArn', 'reference'),
        ('kmsKeyId', 'reference'),
        ('masterUserSecretKmsKeyId', 'reference'),
        ('monitoringRoleArn', 'reference'),
        ('performanceInsightsKmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('restoreToPointInTime.sourceDbInstanceAutomatedBackupsArn', 'reference'),
    ),
    'aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('sourceDbInstanceArn', 'reference'),
    ),
    'aws:rds/instanceDesiredState:InstanceDesiredState': (
        ('region', 'aws-region'),
    ),
    'aws:rds/integration:Integration': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('sourceArn', 'reference'),
        ('targetArn', 'reference'),
    ),
    'aws:rds/optionGroup:OptionGroup': (
        ('region', 'aws-region'),
    ),
    'aws:rds/parameterGroup:ParameterGroup': (
        ('region', 'aws-region'),
    ),
    'aws:rds/proxy:Proxy': (
        ('auths[].secretArn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup': (
        ('region', 'aws-region'),
    ),
    'aws:rds/proxyEndpoint:ProxyEndpoint': (
        ('region', 'aws-region'),
    ),
    'aws:rds/proxyTarget:ProxyTarget': (
        ('region', 'aws-region'),
    ),
    'aws:rds/reservedInstance:ReservedInstance': (
        ('region', 'aws-region'),
    ),
    'aws:rds/roleAssociation:RoleAssociation': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:rds/shardGroup:ShardGroup': (
        ('region', 'aws-region'),
    ),
    'aws:rds/snapshot:Snapshot': (
        ('region', 'aws-region'),
    ),
    'aws:rds/snapshotCopy:SnapshotCopy': (
        ('destinationRegion', 'aws-region'),
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:rds/subnetGroup:SubnetGroup': (
        ('region', 'aws-region'),
    ),
    'aws:redshift/authenticationProfile:AuthenticationProfile': (
        ('region', 'aws-region'),
    ),
    'aws:redshift/cluster:Cluster': (
        ('defaultIamRoleArn', 'reference'),
        ('kmsKeyId', 'reference'),
        ('masterPasswordSecretKmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('snapshotArn', 'reference'),
    ),
    'aws:redshift/clusterIamRoles:ClusterIamRoles': (
        ('defaultIamRoleArn', 'reference'),
        ('iamRoleArns', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:redshift/clusterSnapshot:ClusterSnapshot': (
        ('region', 'aws-region'),
    ),
    'aws:redshift/dataShareAuthorization:DataShareAuthorization': (
        ('dataShareArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:redshift/dataShareConsumerAssociation:DataShareConsumerAssociation': (
        ('consumerArn', 'reference'),
        ('consumerRegion', 'aws-region'),
        ('dataShareArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:redshift/endpointAccess:EndpointAccess': (
        ('region', 'aws-region'),
    ),
    'aws:redshift/endpointAuthorization:EndpointAuthorization': (
        ('region', 'aws-region'),
    ),
    'aws:redshift/eventSubscription:EventSubscription': (
        ('region', 'aws-region'),
        ('snsTopicArn', 'reference'),
    ),
    'aws:redshift/hsmClientCertificate:HsmClientCertificate': (
        ('region', 'aws-region'),
    ),
    'aws:redshift/hsmConfiguration:HsmConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:redshift/idcApplication:IdcApplication': (
        ('authorizedTokenIssuer.trustedTokenIssuerArn', 'reference'),
        ('iamRoleArn', 'reference'),
        ('idcInstanceArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:redshift/integration:Integration': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('sourceArn', 'reference'),
        ('targetArn', 'reference'),
    ),
    'aws:redshift/logging:Logging': (
        ('region', 'aws-region'),
    ),
    'aws:redshift/namespaceRegistration:NamespaceRegistration': (
        ('region', 'aws-region'),
    ),
    'aws:redshift/parameterGroup:ParameterGroup': (
        ('region', 'aws-region'),
    ),
    'aws:redshift/partner:Partner': (
        ('region', 'aws-region'),
    ),
    'aws:redshift/resourcePolicy:ResourcePolicy': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:redshift/scheduledAction:ScheduledAction': (
        ('region', 'aws-region'),
    ),
    'aws:redshift/snapshotCopy:SnapshotCopy': (
        ('destinationRegion', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:redshift/snapshotCopyGrant:SnapshotCopyGrant': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:redshift/snapshotSchedule:SnapshotSchedule': (
        ('region', 'aws-region'),
    ),
    'aws:redshift/snapshotScheduleAssociation:SnapshotScheduleAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:redshift/subnetGroup:SubnetGroup': (
        ('region', 'aws-region'),
    ),
    'aws:redshift/usageLimit:UsageLimit': (
        ('region', 'aws-region'),
    ),
    'aws:redshiftdata/statement:Statement': (
        ('region', 'aws-region'),
        ('secretArn', 'reference'),
    ),
    'aws:redshiftserverless/customDomainAssociation:CustomDomainAssociation': (
        ('customDomainCertificateArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:redshiftserverless/endpointAccess:EndpointAccess': (
        ('region', 'aws-region'),
    ),
    'aws:redshiftserverless/namespace:Namespace': (
        ('adminPasswordSecretKmsKeyId', 'reference'),
        ('defaultIamRoleArn', 'reference'),
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:redshiftserverless/resourcePolicy:ResourcePolicy': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:redshiftserverless/snapshot:Snapshot': (
        ('region', 'aws-region'),
    ),
    'aws:redshiftserverless/usageLimit:UsageLimit': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:redshiftserverless/workgroup:Workgroup': (
        ('region', 'aws-region'),
    ),
    'aws:rekognition/collection:Collection': (
        ('region', 'aws-region'),
    ),
    'aws:rekognition/project:Project': (
        ('region', 'aws-region'),
    ),
    'aws:rekognition/streamProcessor:StreamProcessor': (
        ('input.kinesisVideoStream.arn', 'reference'),
        ('kmsKeyId', 'reference'),
        ('notificationChannel.snsTopicArn', 'reference'),
        ('output.kinesisDataStream.arn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:resiliencehub/resiliencyPolicy:ResiliencyPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:resiliencehub/v2Assertion:V2Assertion': (
        ('region', 'aws-region'),
        ('serviceArn', 'reference'),
    ),
    'aws:resiliencehub/v2InputSource:V2InputSource': (
        ('region', 'aws-region'),
        ('resourceConfiguration.cfnStackArn', 'reference'),
        ('resourceConfiguration.eks.clusterArn', 'reference'),
        ('serviceArn', 'reference'),
    ),
    'aws:resiliencehub/v2Policy:V2Policy': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:resiliencehub/v2Service:V2Service': (
        ('associatedSystems[].systemArn', 'reference'),
        ('kmsKeyId', 'reference'),
        ('permissionModel.crossAccountRoles[].crossAccountRoleArn', 'reference'),
        ('policyArn', 'reference'),
        ('region', 'aws-region'),
        ('regions', 'aws-region'),
    ),
    'aws:resiliencehub/v2ServiceFunction:V2ServiceFunction': (
        ('region', 'aws-region'),
        ('serviceArn', 'reference'),
    ),
    'aws:resiliencehub/v2System:V2System': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:resiliencehub/v2UserJourney:V2UserJourney': (
        ('policyArn', 'reference'),
        ('region', 'aws-region'),
        ('systemArn', 'reference'),
    ),
    'aws:resourceexplorer/index:Index': (
        ('region', 'aws-region'),
    ),
    'aws:resourceexplorer/view:View': (
        ('region', 'aws-region'),
    ),
    'aws:resourcegroups/group:Group': (
        ('region', 'aws-region'),
    ),
    'aws:resourcegroups/resource:Resource': (
        ('groupArn', 'reference'),
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:rolesanywhere/profile:Profile': (
        ('managedPolicyArns', 'reference'),
        ('roleArns', 'reference'),
    ),
    'aws:rolesanywhere/trustAnchor:TrustAnchor': (
        ('source.sourceData.acmPcaArn', 'reference'),
    ),
    'aws:route53/healthCheck:HealthCheck': (
        ('cloudwatchAlarmRegion', 'aws-region'),
        ('regions', 'aws-region'),
        ('routingControlArn', 'reference'),
    ),
    'aws:route53/keySigningKey:KeySigningKey': (
        ('keyManagementServiceArn', 'reference'),
    ),
    'aws:route53/profilesAssociation:ProfilesAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:route53/profilesProfile:ProfilesProfile': (
        ('region', 'aws-region'),
    ),
    'aws:route53/profilesResourceAssociation:ProfilesResourceAssociation': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:route53/queryLog:QueryLog': (
        ('cloudwatchLogGroupArn', 'reference'),
    ),
    'aws:route53/record:Record': (
        ('geoproximityRoutingPolicy.awsRegion', 'aws-region'),
        ('latencyRoutingPolicies[].region', 'aws-region'),
    ),
    'aws:route53/recordsExclusive:RecordsExclusive': (
        ('resourceRecordSets[].geoproximityLocation.awsRegion', 'aws-region'),
        ('resourceRecordSets[].region', 'aws-region'),
    ),
    'aws:route53/resolverConfig:ResolverConfig': (
        ('region', 'aws-region'),
    ),
    'aws:route53/resolverDnsSecConfig:ResolverDnsSecConfig': (
        ('region', 'aws-region'),
    ),
    'aws:route53/resolverEndpoint:ResolverEndpoint': (
        ('region', 'aws-region'),
    ),
    'aws:route53/resolverFirewallConfig:ResolverFirewallConfig': (
        ('region', 'aws-region'),
    ),
    'aws:route53/resolverFirewallDomainList:ResolverFirewallDomainList': (
        ('region', 'aws-region'),
    ),
    'aws:route53/resolverFirewallRule:ResolverFirewallRule': (
        ('region', 'aws-region'),
    ),
    'aws:route53/resolverFirewallRuleGroup:ResolverFirewallRuleGroup': (
        ('region', 'aws-region'),
    ),
    'aws:route53/resolverFirewallRuleGroupAssociation:ResolverFirewallRuleGroupAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig': (
        ('destinationArn', 'remote'),
        ('region', 'aws-region'),
    ),
    'aws:route53/resolverQueryLogConfigAssociation:ResolverQueryLogConfigAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:route53/resolverRule:ResolverRule': (
        ('region', 'aws-region'),
    ),
    'aws:route53/resolverRuleAssociation:ResolverRuleAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:route53/vpcAssociationAuthorization:VpcAssociationAuthorization': (
        ('vpcRegion', 'aws-region'),
    ),
    'aws:route53/zone:Zone': (
        ('vpcs[].vpcRegion', 'aws-region'),
    ),
    'aws:route53/zoneAssociation:ZoneAssociation': (
        ('vpcRegion', 'aws-region'),
    ),
    'aws:route53recoverycontrol/controlPanel:ControlPanel': (
        ('clusterArn', 'reference'),
    ),
    'aws:route53recoverycontrol/routingControl:RoutingControl': (
        ('clusterArn', 'reference'),
        ('controlPanelArn', 'reference'),
    ),
    'aws:route53recoverycontrol/safetyRule:SafetyRule': (
        ('controlPanelArn', 'reference'),
    ),
    'aws:route53recoveryreadiness/resourceSet:ResourceSet': (
        ('resources[].dnsTargetResource.hostedZoneArn', 'reference'),
        ('resources[].dnsTargetResource.targetResource.nlbResource.arn', 'reference'),
        ('resources[].resourceArn', 'reference'),
    ),
    'aws:rum/appMonitor:AppMonitor': (
        ('appMonitorConfiguration.guestRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:rum/metricsDestination:MetricsDestination': (
        ('destinationArn', 'remote'),
        ('iamRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:s3/accessPoint:AccessPoint': (
        ('region', 'aws-region'),
    ),
    'aws:s3/analyticsConfiguration:AnalyticsConfiguration': (
        ('region', 'aws-region'),
        ('storageClassAnalysis.dataExport.destination.s3BucketDestination.bucketArn', 'remote'),
    ),
    'aws:s3/bucket:Bucket': (
        ('region', 'aws-region'),
        ('replicationConfiguration.rules[].destination.bucket', 'remote'),
        ('replicationConfiguration.rules[].destination.replicaKmsKeyId', 'remote'),
    ),
    'aws:s3/bucketAbac:BucketAbac': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketAccelerateConfiguration:BucketAccelerateConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketAccelerateConfigurationV2:BucketAccelerateConfigurationV2': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketAcl:BucketAcl': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketAclV2:BucketAclV2': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketCorsConfiguration:BucketCorsConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketCorsConfigurationV2:BucketCorsConfigurationV2': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketIntelligentTieringConfiguration:BucketIntelligentTieringConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketLogging:BucketLogging': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketLoggingV2:BucketLoggingV2': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketMetadataConfiguration:BucketMetadataConfiguration': (
        ('metadataConfiguration.destinations[].tableBucketArn', 'remote'),
        ('metadataConfiguration.inventoryTableConfiguration.encryptionConfiguration.kmsKeyArn', 'reference'),
        ('metadataConfiguration.inventoryTableConfiguration.tableArn', 'reference'),
        ('metadataConfiguration.journalTableConfiguration.encryptionConfiguration.kmsKeyArn', 'reference'),
        ('metadataConfiguration.journalTableConfiguration.tableArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketMetric:BucketMetric': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketNotification:BucketNotification': (
        ('lambdaFunctions[].lambdaFunctionArn', 'reference'),
        ('queues[].queueArn', 'reference'),
        ('region', 'aws-region'),
        ('topics[].topicArn', 'reference'),
    ),
    'aws:s3/bucketObject:BucketObject': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketObjectv2:BucketObjectv2': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketOwnershipControls:BucketOwnershipControls': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketPolicy:BucketPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketReplicationConfig:BucketReplicationConfig': (
        ('region', 'aws-region'),
        ('rules[].destination.bucket', 'remote'),
        ('rules[].destination.encryptionConfiguration.replicaKmsKeyId', 'remote'),
    ),
    'aws:s3/bucketRequestPaymentConfiguration:BucketRequestPaymentConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketRequestPaymentConfigurationV2:BucketRequestPaymentConfigurationV2': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketV2:BucketV2': (
        ('region', 'aws-region'),
        ('replicationConfigurations[].rules[].destinations[].bucket', 'remote'),
        ('replicationConfigurations[].rules[].destinations[].replicaKmsKeyId', 'remote'),
    ),
    'aws:s3/bucketVersioning:BucketVersioning': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketVersioningV2:BucketVersioningV2': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2': (
        ('region', 'aws-region'),
    ),
    'aws:s3/directoryBucket:DirectoryBucket': (
        ('region', 'aws-region'),
    ),
    'aws:s3/filesAccessPoint:FilesAccessPoint': (
        ('region', 'aws-region'),
    ),
    'aws:s3/filesFileSystem:FilesFileSystem': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:s3/filesFileSystemPolicy:FilesFileSystemPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:s3/filesMountTarget:FilesMountTarget': (
        ('region', 'aws-region'),
    ),
    'aws:s3/filesSynchronizationConfiguration:FilesSynchronizationConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:s3/inventory:Inventory': (
        ('destination.bucket.bucketArn', 'remote'),
        ('region', 'aws-region'),
    ),
    'aws:s3/objectCopy:ObjectCopy': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:s3/vectorsIndex:VectorsIndex': (
        ('encryptionConfigurations[].kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:s3/vectorsVectorBucket:VectorsVectorBucket': (
        ('encryptionConfigurations[].kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:s3/vectorsVectorBucketPolicy:VectorsVectorBucketPolicy': (
        ('region', 'aws-region'),
        ('vectorBucketArn', 'reference'),
    ),
    'aws:s3control/accessGrant:AccessGrant': (
        ('region', 'aws-region'),
    ),
    'aws:s3control/accessGrantsInstance:AccessGrantsInstance': (
        ('identityCenterArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:s3control/accessGrantsInstanceResourcePolicy:AccessGrantsInstanceResourcePolicy': (
        ('region', 'aws-region'),
    ),
    'aws:s3control/accessGrantsLocation:AccessGrantsLocation': (
        ('iamRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:s3control/accessPointPolicy:AccessPointPolicy': (
        ('accessPointArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:s3control/bucket:Bucket': (
        ('region', 'aws-region'),
    ),
    'aws:s3control/bucketLifecycleConfiguration:BucketLifecycleConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:s3control/bucketPolicy:BucketPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:s3control/directoryBucketAccessPointScope:DirectoryBucketAccessPointScope': (
        ('region', 'aws-region'),
    ),
    'aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint': (
        ('details.regions[].region', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:s3control/multiRegionAccessPointPolicy:MultiRegionAccessPointPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:s3control/multiRegionAccessPointRoutes:MultiRegionAccessPointRoutes': (
        ('region', 'aws-region'),
        ('routes[].region', 'aws-region'),
    ),
    'aws:s3control/objectLambdaAccessPoint:ObjectLambdaAccessPoint': (
        ('configuration.transformationConfigurations[].contentTransformation.awsLambda.functionArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:s3control/objectLambdaAccessPointPolicy:ObjectLambdaAccessPointPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:s3control/storageLensConfiguration:StorageLensConfiguration': (
        ('region', 'aws-region'),
        ('storageLensConfiguration.awsOrg.arn', 'reference'),
        ('storageLensConfiguration.dataExport.s3BucketDestination.arn', 'reference'),
        ('storageLensConfiguration.exclude.regions', 'aws-region'),
        ('storageLensConfiguration.expandedPrefixesDataExport.s3BucketDestination.arn', 'reference'),
        ('storageLensConfiguration.include.regions', 'aws-region'),
    ),
    'aws:s3outposts/endpoint:Endpoint': (
        ('region', 'aws-region'),
    ),
    'aws:s3tables/namespace:Namespace': (
        ('region', 'aws-region'),
        ('tableBucketArn', 'reference'),
    ),
    'aws:s3tables/table:Table': (
        ('encryptionConfiguration.kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
        ('tableBucketArn', 'reference'),
    ),
    'aws:s3tables/tableBucket:TableBucket': (
        ('encryptionConfiguration.kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:s3tables/tableBucketPolicy:TableBucketPolicy': (
        ('region', 'aws-region'),
        ('tableBucketArn', 'reference'),
    ),
    'aws:s3tables/tableBucketReplication:TableBucketReplication': (
        ('region', 'aws-region'),
        ('rule.destinations[].destinationTableBucketArn', 'remote'),
        ('tableBucketArn', 'reference'),
    ),
    'aws:s3tables/tablePolicy:TablePolicy': (
        ('region', 'aws-region'),
        ('tableBucketArn', 'reference'),
    ),
    'aws:s3tables/tableReplication:TableReplication': (
        ('region', 'aws-region'),
        ('rule.destinations[].destinationTableBucketArn', 'remote'),
        ('tableArn', 'reference'),
    ),
    'aws:sagemaker/algorithm:Algorithm': (
        ('inferenceSpecification.containers[].modelDataSource.s3DataSource.hubAccessConfig.hubContentArn', 'reference'),
        ('region', 'aws-region'),
        ('validationSpecification.validationProfiles.trainingJobDefinition.inputDataConfigs[].dataSource.s3DataSource.hubAccessConfig.hubContentArn', 'reference'),
        ('validationSpecification.validationProfiles.trainingJobDefinition.outputDataConfig.kmsKeyId', 'reference'),
        ('validationSpecification.validationProfiles.trainingJobDefinition.resourceConfig.trainingPlanArn', 'reference'),
        ('validationSpecification.validationProfiles.trainingJobDefinition.resourceConfig.volumeKmsKeyId', 'reference'),
        ('validationSpecification.validationProfiles.transformJobDefinition.transformOutput.kmsKeyId', 'reference'),
        ('validationSpecification.validationProfiles.transformJobDefinition.transformResources.volumeKmsKeyId', 'reference'),
    ),
    'aws:sagemaker/app:App': (
        ('region', 'aws-region'),
        ('resourceSpec.lifecycleConfigArn', 'reference'),
        ('resourceSpec.sagemakerImageArn', 'reference'),
        ('resourceSpec.sagemakerImageVersionArn', 'reference'),
    ),
    'aws:sagemaker/appImageConfig:AppImageConfig': (
        ('region', 'aws-region'),
    ),
    'aws:sagemaker/codeRepository:CodeRepository': (
        ('gitConfig.secretArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition': (
        ('dataQualityJobOutputConfig.kmsKeyId', 'reference'),
        ('jobResources.clusterConfig.volumeKmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:sagemaker/device:Device': (
        ('region', 'aws-region'),
    ),
    'aws:sagemaker/deviceFleet:DeviceFleet': (
        ('outputConfig.kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:sagemaker/domain:Domain': (
        ('defaultSpaceSettings.jupyterLabAppSettings.builtInLifecycleConfigArn', 'reference'),
        ('defaultSpaceSettings.jupyterLabAppSettings.defaultResourceSpec.lifecycleConfigArn', 'reference'),
        ('defaultSpaceSettings.jupyterLabAppSettings.defaultResourceSpec.sagemakerImageArn', 'reference'),
        ('defaultSpaceSettings.jupyterLabAppSettings.defaultResourceSpec.sagemakerImageVersionArn', 'reference'),
        ('defaultSpaceSettings.jupyterLabAppSettings.emrSettings.assumableRoleArns', 'reference'),
        ('defaultSpaceSettings.jupyterLabAppSettings.emrSettings.executionRoleArns', 'reference'),
        ('defaultSpaceSettings.jupyterLabAppSettings.lifecycleConfigArns', 'reference'),
        ('defaultSpaceSettings.jupyterServerAppSettings.defaultResourceSpec.lifecycleConfigArn', 'reference'),
        ('defaultSpaceSettings.jupyterServerAppSettings.defaultResourceSpec.sagemakerImageArn', 'reference'),
        ('defaultSpaceSettings.jupyterServerAppSettings.defaultResourceSpec.sagemakerImageVersionArn', 'reference'),
        ('defaultSpaceSettings.jupyterServerAppSettings.lifecycleConfigArns', 'reference'),
        ('defaultSpaceSettings.kernelGatewayAppSettings.defaultResourceSpec.lifecycleConfigArn', 'reference'),
        ('defaultSpaceSettings.kernelGatewayAppSettings.defaultResourceSpec.sagemakerImageArn', 'reference'),
        ('defaultSpaceSettings.kernelGatewayAppSettings.defaultResourceSpec.sagemakerImageVersionArn', 'reference'),
        ('defaultSpaceSettings.kernelGatewayAppSettings.lifecycleConfigArns', 'reference'),
        ('defaultUserSettings.canvasAppSettings.emrServerlessSettings.executionRoleArn', 'reference'),
        ('defaultUserSettings.canvasAppSettings.generativeAiSettings.amazonBedrockRoleArn', 'reference'),
        ('defaultUserSettings.canvasAppSettings.identityProviderOauthSettings[].secretArn', 'reference'),
        ('defaultUserSettings.canvasAppSettings.modelRegisterSettings.crossAccountModelRegisterRoleArn', 'reference'),
        ('defaultUserSettings.canvasAppSettings.timeSeriesForecastingSettings.amazonForecastRoleArn', 'reference'),
        ('defaultUserSettings.canvasAppSettings.workspaceSettings.s3KmsKeyId', 'reference'),
        ('defaultUserSettings.codeEditorAppSettings.builtInLifecycleConfigArn', 'reference'),
        ('defaultUserSettings.codeEditorAppSettings.defaultResourceSpec.lifecycleConfigArn', 'reference'),
        ('defaultUserSettings.codeEditorAppSettings.defaultResourceSpec.sagemakerImageArn', 'reference'),
        ('defaultUserSettings.codeEditorAppSettings.defaultResourceSpec.sagemakerImageVersionArn', 'reference'),
        ('defaultUserSettings.codeEditorAppSettings.lifecycleConfigArns', 'reference'),
        ('defaultUserSettings.jupyterLabAppSettings.builtInLifecycleConfigArn', 'reference'),
        ('defaultUserSettings.jupyterLabAppSettings.defaultResourceSpec.lifecycleConfigArn', 'reference'),
        ('defaultUserSettings.jupyterLabAppSettings.defaultResourceSpec.sagemakerImageArn', 'reference'),
        ('defaultUserSettings.jupyterLabAppSettings.defaultResourceSpec.sagemakerImageVersionArn', 'reference'),
        ('defaultUserSettings.jupyterLabAppSettings.emrSettings.assumableRoleArns', 'reference'),
        ('defaultUserSettings.jupyterLabAppSettings.emrSettings.executionRoleArns', 'reference'),
        ('defaultUserSettings.jupyterLabAppSettings.lifecycleConfigArns', 'reference'),
        ('defaultUserSettings.jupyterServerAppSettings.defaultResourceSpec.lifecycleConfigArn', 'reference'),
        ('defaultUserSettings.jupyterServerAppSettings.defaultResourceSpec.sagemakerImageArn', 'reference'),
        ('defaultUserSettings.jupyterServerAppSettings.defaultResourceSpec.sagemakerImageVersionArn', 'reference'),
        ('defaultUserSettings.jupyterServerAppSettings.lifecycleConfigArns', 'reference'),
        ('defaultUserSettings.kernelGatewayAppSettings.defaultResourceSpec.lifecycleConfigArn', 'reference'),
        ('defaultUserSettings.kernelGatewayAppSettings.defaultResourceSpec.sagemakerImageArn', 'reference'),
        ('defaultUserSettings.kernelGatewayAppSettings.defaultResourceSpec.sagemakerImageVersionArn', 'reference'),
        ('defaultUserSettings.kernelGatewayAppSettings.lifecycleConfigArns', 'reference'),
        ('defaultUserSettings.rSessionAppSettings.defaultResourceSpec.lifecycleConfigArn', 'reference'),
        ('defaultUserSettings.rSessionAppSettings.defaultResourceSpec.sagemakerImageArn', 'reference'),
        ('defaultUserSettings.rSessionAppSettings.defaultResourceSpec.sagemakerImageVersionArn', 'reference'),
        ('defaultUserSettings.sharingSettings.s3KmsKeyId', 'reference'),
        ('defaultUserSettings.tensorBoardAppSettings.defaultResourceSpec.lifecycleConfigArn', 'reference'),
        ('defaultUserSettings.tensorBoardAppSettings.defaultResourceSpec.sagemakerImageArn', 'reference'),
        ('defaultUserSettings.tensorBoardAppSettings.defaultResourceSpec.sagemakerImageVersionArn', 'reference'),
        ('domainSettings.rStudioServerProDomainSettings.defaultResourceSpec.lifecycleConfigArn', 'reference'),
        ('domainSettings.rStudioServerProDomainSettings.defaultResourceSpec.sagemakerImageArn', 'reference'),
        ('domainSettings.rStudioServerProDomainSettings.defaultResourceSpec.sagemakerImageVersionArn', 'reference'),
        ('domainSettings.rStudioServerProDomainSettings.domainExecutionRoleArn', 'reference'),
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:sagemaker/endpoint:Endpoint': (
        ('region', 'aws-region'),
    ),
    'aws:sagemaker/endpointConfiguration:EndpointConfiguration': (
        ('asyncInferenceConfig.outputConfig.kmsKeyId', 'reference'),
        ('dataCaptureConfig.kmsKeyId', 'reference'),
        ('executionRoleArn', 'reference'),
        ('kmsKeyArn', 'reference'),
        ('productionVariants[].capacityReservationConfig.mlReservationArn', 'reference'),
        ('productionVariants[].coreDumpConfig.kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('shadowProductionVariants[].capacityReservationConfig.mlReservationArn', 'reference'),
        ('shadowProductionVariants[].coreDumpConfig.kmsKeyId', 'reference'),
    ),
    'aws:sagemaker/featureGroup:FeatureGroup': (
        ('offlineStoreConfig.s3StorageConfig.kmsKeyId', 'reference'),
        ('onlineStoreConfig.securityConfig.kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:sagemaker/flowDefinition:FlowDefinition': (
        ('humanLoopConfig.humanTaskUiArn', 'reference'),
        ('humanLoopConfig.workteamArn', 'reference'),
        ('outputConfig.kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:sagemaker/hub:Hub': (
        ('region', 'aws-region'),
    ),
    'aws:sagemaker/hubContentReference:HubContentReference': (
        ('region', 'aws-region'),
        ('sagemakerPublicHubContentArn', 'reference'),
    ),
    'aws:sagemaker/humanTaskUI:HumanTaskUI': (
        ('region', 'aws-region'),
    ),
    'aws:sagemaker/hyperParameterTuningJob:HyperParameterTuningJob': (
        ('region', 'aws-region'),
        ('trainingJobDefinition.hyperParameterTuningResourceConfig.volumeKmsKeyId', 'reference'),
        ('trainingJobDefinition.inputDataConfigs[].dataSource.s3DataSource.hubAccessConfig.hubContentArn', 'reference'),
        ('trainingJobDefinition.outputDataConfig.kmsKeyId', 'reference'),
        ('trainingJobDefinition.resourceConfig.trainingPlanArn', 'reference'),
        ('trainingJobDefinition.resourceConfig.volumeKmsKeyId', 'reference'),
        ('trainingJobDefinition.roleArn', 'reference'),
        ('trainingJobDefinitions[].hyperParameterTuningResourceConfig.volumeKmsKeyId', 'reference'),
        ('trainingJobDefinitions[].inputDataConfigs[].dataSource.s3DataSource.hubAccessConfig.hubContentArn', 'reference'),
        ('trainingJobDefinitions[].outputDataConfig.kmsKeyId', 'reference'),
        ('trainingJobDefinitions[].resourceConfig.trainingPlanArn', 'reference'),
        ('trainingJobDefinitions[].resourceConfig.volumeKmsKeyId', 'reference'),
        ('trainingJobDefinitions[].roleArn', 'reference'),
    ),
    'aws:sagemaker/image:Image': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:sagemaker/imageVersion:ImageVersion': (
        ('region', 'aws-region'),
    ),
    'aws:sagemaker/labelingJob:LabelingJob': (
        ('humanTaskConfig.annotationConsolidationConfig.annotationConsolidationLambdaArn', 'reference'),
        ('humanTaskConfig.preHumanTaskLambdaArn', 'reference'),
        ('humanTaskConfig.uiConfig.humanTaskUiArn', 'reference'),
        ('humanTaskConfig.workteamArn', 'reference'),
        ('inputConfig.dataSource.snsDataSource.snsTopicArn', 'reference'),
        ('labelingJobAlgorithmsConfig.initialActiveLearningModelArn', 'reference'),
        ('labelingJobAlgorithmsConfig.labelingJobAlgorithmSpecificationArn', 'reference'),
        ('labelingJobAlgorithmsConfig.labelingJobResourceConfig.volumeKmsKeyId', 'reference'),
        ('outputConfig.kmsKeyId', 'reference'),
        ('outputConfig.snsTopicArn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:sagemaker/mlflowApp:MlflowApp': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:sagemaker/mlflowTrackingServer:MlflowTrackingServer': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:sagemaker/model:Model': (
        ('containers[].imageConfig.repositoryAuthConfig.repositoryCredentialsProviderArn', 'reference'),
        ('executionRoleArn', 'reference'),
        ('primaryContainer.imageConfig.repositoryAuthConfig.repositoryCredentialsProviderArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:sagemaker/modelCard:ModelCard': (
        ('region', 'aws-region'),
        ('securityConfig.kmsKeyId', 'reference'),
    ),
    'aws:sagemaker/modelCardExportJob:ModelCardExportJob': (
        ('region', 'aws-region'),
    ),
    'aws:sagemaker/modelPackageGroup:ModelPackageGroup': (
        ('region', 'aws-region'),
    ),
    'aws:sagemaker/modelPackageGroupPolicy:ModelPackageGroupPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:sagemaker/monitoringSchedule:MonitoringSchedule': (
        ('monitoringScheduleConfig.monitoringJobDefinition.monitoringOutputConfig.kmsKeyId', 'reference'),
        ('monitoringScheduleConfig.monitoringJobDefinition.monitoringResources.clusterConfig.volumeKmsKeyId', 'reference'),
        ('monitoringScheduleConfig.monitoringJobDefinition.roleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:sagemaker/notebookInstance:NotebookInstance': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:sagemaker/pipeline:Pipeline': (
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:sagemaker/project:Project': (
        ('region', 'aws-region'),
    ),
    'aws:sagemaker/servicecatalogPortfolioStatus:ServicecatalogPortfolioStatus': (
        ('region', 'aws-region'),
    ),
    'aws:sagemaker/space:Space': (
        ('region', 'aws-region'),
        ('spaceSettings.codeEditorAppSettings.defaultResourceSpec.lifecycleConfigArn', 'reference'),
        ('spaceSettings.codeEditorAppSettings.defaultResourceSpec.sagemakerImageArn', 'reference'),
        ('spaceSettings.codeEditorAppSettings.defaultResourceSpec.sagemakerImageVersionArn', 'reference'),
        ('spaceSettings.jupyterLabAppSettings.defaultResourceSpec.lifecycleConfigArn', 'reference'),
        ('spaceSettings.jupyterLabAppSettings.defaultResourceSpec.sagemakerImageArn', 'reference'),
        ('spaceSettings.jupyterLabAppSettings.defaultResourceSpec.sagemakerImageVersionArn', 'reference'),
        ('spaceSettings.jupyterServerAppSettings.defaultResourceSpec.lifecycleConfigArn', 'reference'),
        ('spaceSettings.jupyterServerAppSettings.defaultResourceSpec.sagemakerImageArn', 'reference'),
        ('spaceSettings.jupyterServerAppSettings.defaultResourceSpec.sagemakerImageVersionArn', 'reference'),
        ('spaceSettings.jupyterServerAppSettings.lifecycleConfigArns', 'reference'),
        ('spaceSettings.kernelGatewayAppSettings.defaultResourceSpec.lifecycleConfigArn', 'reference'),
        ('spaceSettings.kernelGatewayAppSettings.defaultResourceSpec.sagemakerImageArn', 'reference'),
        ('spaceSettings.kernelGatewayAppSettings.defaultResourceSpec.sagemakerImageVersionArn', 'reference'),
        ('spaceSettings.kernelGatewayAppSettings.lifecycleConfigArns', 'reference'),
    ),
    'aws:sagemaker/studioLifecycleConfig:StudioLifecycleConfig': (
        ('region', 'aws-region'),
    ),
    'aws:sagemaker/trainingJob:TrainingJob': (
        ('algorithmSpecification.trainingImageConfig.trainingRepositoryAuthConfig.trainingRepositoryCredentialsProviderArn', 'reference'),
        ('inputDataConfigs[].dataSource.s3DataSource.hubAccessConfig.hubContentArn', 'reference'),
        ('mlflowConfig.mlflowResourceArn', 'reference'),
        ('modelPackageConfig.modelPackageGroupArn', 'reference'),
        ('modelPackageConfig.sourceModelPackageArn', 'reference'),
        ('outputDataConfig.kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('resourceConfig.trainingPlanArn', 'reference'),
        ('resourceConfig.volumeKmsKeyId', 'reference'),
        ('roleArn', 'reference'),
        ('serverlessJobConfig.baseModelArn', 'reference'),
        ('serverlessJobConfig.evaluatorArn', 'reference'),
    ),
    'aws:sagemaker/userProfile:UserProfile': (
        ('region', 'aws-region'),
        ('userSettings.canvasAppSettings.emrServerlessSettings.executionRoleArn', 'reference'),
        ('userSettings.canvasAppSettings.generativeAiSettings.amazonBedrockRoleArn', 'reference'),
        ('userSettings.canvasAppSettings.identityProviderOauthSettings[].secretArn', 'reference'),
        ('userSettings.canvasAppSettings.modelRegisterSettings.crossAccountModelRegisterRoleArn', 'reference'),
        ('userSettings.canvasAppSettings.timeSeriesForecastingSettings.amazonForecastRoleArn', 'reference'),
        ('userSettings.canvasAppSettings.workspaceSettings.s3KmsKeyId', 'reference'),
        ('userSettings.codeEditorAppSettings.builtInLifecycleConfigArn', 'reference'),
        ('userSettings.codeEditorAppSettings.defaultResourceSpec.lifecycleConfigArn', 'reference'),
        ('userSettings.codeEditorAppSettings.defaultResourceSpec.sagemakerImageArn', 'reference'),
        ('userSettings.codeEditorAppSettings.defaultResourceSpec.sagemakerImageVersionArn', 'reference'),
        ('userSettings.codeEditorAppSettings.lifecycleConfigArns', 'reference'),
        ('userSettings.jupyterLabAppSettings.builtInLifecycleConfigArn', 'reference'),
        ('userSettings.jupyterLabAppSettings.defaultResourceSpec.lifecycleConfigArn', 'reference'),
        ('userSettings.jupyterLabAppSettings.defaultResourceSpec.sagemakerImageArn', 'reference'),
        ('userSettings.jupyterLabAppSettings.defaultResourceSpec.sagemakerImageVersionArn', 'reference'),
        ('userSettings.jupyterLabAppSettings.emrSettings.assumableRoleArns', 'reference'),
        ('userSettings.jupyterLabAppSettings.emrSettings.executionRoleArns', 'reference'),
        ('userSettings.jupyterLabAppSettings.lifecycleConfigArns', 'reference'),
        ('userSettings.jupyterServerAppSettings.defaultResourceSpec.lifecycleConfigArn', 'reference'),
        ('userSettings.jupyterServerAppSettings.defaultResourceSpec.sagemakerImageArn', 'reference'),
        ('userSettings.jupyterServerAppSettings.defaultResourceSpec.sagemakerImageVersionArn', 'reference'),
        ('userSettings.jupyterServerAppSettings.lifecycleConfigArns', 'reference'),
        ('userSettings.kernelGatewayAppSettings.defaultResourceSpec.lifecycleConfigArn', 'reference'),
        ('userSettings.kernelGatewayAppSettings.defaultResourceSpec.sagemakerImageArn', 'reference'),
        ('userSettings.kernelGatewayAppSettings.defaultResourceSpec.sagemakerImageVersionArn', 'reference'),
        ('userSettings.kernelGatewayAppSettings.lifecycleConfigArns', 'reference'),
        ('userSettings.rSessionAppSettings.defaultResourceSpec.lifecycleConfigArn', 'reference'),
        ('userSettings.rSessionAppSettings.defaultResourceSpec.sagemakerImageArn', 'reference'),
        ('userSettings.rSessionAppSettings.defaultResourceSpec.sagemakerImageVersionArn', 'reference'),
        ('userSettings.sharingSettings.s3KmsKeyId', 'reference'),
        ('userSettings.tensorBoardAppSettings.defaultResourceSpec.lifecycleConfigArn', 'reference'),
        ('userSettings.tensorBoardAppSettings.defaultResourceSpec.sagemakerImageArn', 'reference'),
        ('userSettings.tensorBoardAppSettings.defaultResourceSpec.sagemakerImageVersionArn', 'reference'),
    ),
    'aws:sagemaker/workforce:Workforce': (
        ('region', 'aws-region'),
    ),
    'aws:sagemaker/workteam:Workteam': (
        ('notificationConfiguration.notificationTopicArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:scheduler/schedule:Schedule': (
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
        ('target.arn', 'reference'),
        ('target.deadLetterConfig.arn', 'reference'),
        ('target.ecsParameters.taskDefinitionArn', 'reference'),
        ('target.roleArn', 'reference'),
    ),
    'aws:scheduler/scheduleGroup:ScheduleGroup': (
        ('region', 'aws-region'),
    ),
    'aws:schemas/discoverer:Discoverer': (
        ('region', 'aws-region'),
        ('sourceArn', 'reference'),
    ),
    'aws:schemas/registry:Registry': (
        ('region', 'aws-region'),
    ),
    'aws:schemas/registryPolicy:RegistryPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:schemas/schema:Schema': (
        ('region', 'aws-region'),
    ),
    'aws:secretsmanager/secret:Secret': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('replicas[].kmsKeyId', 'remote'),
        ('replicas[].region', 'aws-region'),
    ),
    'aws:secretsmanager/secretPolicy:SecretPolicy': (
        ('region', 'aws-region'),
        ('secretArn', 'reference'),
    ),
    'aws:secretsmanager/secretRotation:SecretRotation': (
        ('externalSecretRotationRoleArn', 'reference'),
        ('region', 'aws-region'),
        ('rotationLambdaArn', 'reference'),
    ),
    'aws:secretsmanager/secretVersion:SecretVersion': (
        ('region', 'aws-region'),
    ),
    'aws:secretsmanager/tag:Tag': (
        ('region', 'aws-region'),
    ),
    'aws:securityhub/account:Account': (
        ('region', 'aws-region'),
    ),
    'aws:securityhub/accountV2:AccountV2': (
        ('region', 'aws-region'),
    ),
    'aws:securityhub/actionTarget:ActionTarget': (
        ('region', 'aws-region'),
    ),
    'aws:securityhub/aggregatorV2:AggregatorV2': (
        ('linkedRegions', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:securityhub/automationRule:AutomationRule': (
        ('actions[].findingFieldsUpdate.relatedFindings[].productArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:securityhub/automationRuleV2:AutomationRuleV2': (
        ('action.externalIntegrationConfiguration.connectorArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:securityhub/configurationPolicy:ConfigurationPolicy': (
        ('configurationPolicy.enabledStandardArns', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:securityhub/configurationPolicyAssociation:ConfigurationPolicyAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:securityhub/connectorV2:ConnectorV2': (
        ('connectorProvider.serviceNow.secretArn', 'reference'),
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:securityhub/featureV2:FeatureV2': (
        ('region', 'aws-region'),
    ),
    'aws:securityhub/findingAggregator:FindingAggregator': (
        ('region', 'aws-region'),
        ('specifiedRegions', 'aws-region'),
    ),
    'aws:securityhub/insight:Insight': (
        ('region', 'aws-region'),
    ),
    'aws:securityhub/inviteAccepter:InviteAccepter': (
        ('region', 'aws-region'),
    ),
    'aws:securityhub/member:Member': (
        ('region', 'aws-region'),
    ),
    'aws:securityhub/organizationAdminAccount:OrganizationAdminAccount': (
        ('region', 'aws-region'),
    ),
    'aws:securityhub/organizationConfiguration:OrganizationConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:securityhub/productSubscription:ProductSubscription': (
        ('productArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:securityhub/standardsControl:StandardsControl': (
        ('region', 'aws-region'),
        ('standardsControlArn', 'reference'),
    ),
    'aws:securityhub/standardsControlAssociation:StandardsControlAssociation': (
        ('region', 'aws-region'),
        ('standardsArn', 'reference'),
    ),
    'aws:securityhub/standardsSubscription:StandardsSubscription': (
        ('region', 'aws-region'),
        ('standardsArn', 'reference'),
    ),
    'aws:securitylake/awsLogSource:AwsLogSource': (
        ('region', 'aws-region'),
        ('source.regions', 'aws-region'),
    ),
    'aws:securitylake/customLogSource:CustomLogSource': (
        ('configuration.crawlerConfiguration.roleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:securitylake/dataLake:DataLake': (
        ('configuration.encryptionConfigurations[].kmsKeyId', 'reference'),
        ('configuration.region', 'aws-region'),
        ('configuration.replicationConfiguration.regions', 'aws-region'),
        ('configuration.replicationConfiguration.roleArn', 'remote'),
        ('metaStoreManagerRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:securitylake/subscriber:Subscriber': (
        ('region', 'aws-region'),
        ('sources[].customLogSourceResource.attributes[].crawlerArn', 'reference'),
        ('sources[].customLogSourceResource.attributes[].databaseArn', 'reference'),
        ('sources[].customLogSourceResource.attributes[].tableArn', 'reference'),
        ('sources[].customLogSourceResource.providers[].roleArn', 'reference'),
    ),
    'aws:securitylake/subscriberNotification:SubscriberNotification': (
        ('configuration.httpsNotificationConfiguration.targetRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:serverlessrepository/cloudFormationStack:CloudFormationStack': (
        ('region', 'aws-region'),
    ),
    'aws:servicecatalog/appregistryApplication:AppregistryApplication': (
        ('region', 'aws-region'),
    ),
    'aws:servicecatalog/appregistryAttributeGroup:AppregistryAttributeGroup': (
        ('region', 'aws-region'),
    ),
    'aws:servicecatalog/appregistryAttributeGroupAssociation:AppregistryAttributeGroupAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:servicecatalog/budgetResourceAssociation:BudgetResourceAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:servicecatalog/constraint:Constraint': (
        ('region', 'aws-region'),
    ),
    'aws:servicecatalog/portfolio:Portfolio': (
        ('region', 'aws-region'),
    ),
    'aws:servicecatalog/portfolioShare:PortfolioShare': (
        ('region', 'aws-region'),
    ),
    'aws:servicecatalog/principalPortfolioAssociation:PrincipalPortfolioAssociation': (
        ('principalArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:servicecatalog/product:Product': (
        ('region', 'aws-region'),
    ),
    'aws:servicecatalog/productPortfolioAssociation:ProductPortfolioAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:servicecatalog/provisionedProduct:ProvisionedProduct': (
        ('notificationArns', 'reference'),
        ('region', 'aws-region'),
        ('stackSetProvisioningPreferences.regions', 'aws-region'),
    ),
    'aws:servicecatalog/provisioningArtifact:ProvisioningArtifact': (
        ('region', 'aws-region'),
    ),
    'aws:servicecatalog/serviceAction:ServiceAction': (
        ('region', 'aws-region'),
    ),
    'aws:servicecatalog/tagOption:TagOption': (
        ('region', 'aws-region'),
    ),
    'aws:servicecatalog/tagOptionResourceAssociation:TagOptionResourceAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:servicediscovery/httpNamespace:HttpNamespace': (
        ('region', 'aws-region'),
    ),
    'aws:servicediscovery/instance:Instance': (
        ('region', 'aws-region'),
    ),
    'aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace': (
        ('region', 'aws-region'),
    ),
    'aws:servicediscovery/publicDnsNamespace:PublicDnsNamespace': (
        ('region', 'aws-region'),
    ),
    'aws:servicediscovery/service:Service': (
        ('region', 'aws-region'),
    ),
    'aws:servicequotas/autoManagement:AutoManagement': (
        ('notificationArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:servicequotas/serviceQuota:ServiceQuota': (
        ('region', 'aws-region'),
    ),
    'aws:servicequotas/template:Template': (
        ('awsRegion', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:servicequotas/templateAssociation:TemplateAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:ses/activeReceiptRuleSet:ActiveReceiptRuleSet': (
        ('region', 'aws-region'),
    ),
    'aws:ses/configurationSet:ConfigurationSet': (
        ('region', 'aws-region'),
    ),
    'aws:ses/domainDkim:DomainDkim': (
        ('region', 'aws-region'),
    ),
    'aws:ses/domainIdentity:DomainIdentity': (
        ('region', 'aws-region'),
    ),
    'aws:ses/domainIdentityVerification:DomainIdentityVerification': (
        ('region', 'aws-region'),
    ),
    'aws:ses/emailIdentity:EmailIdentity': (
        ('region', 'aws-region'),
    ),
    'aws:ses/eventDestination:EventDestination': (
        ('kinesisDestination.roleArn', 'reference'),
        ('kinesisDestination.streamArn', 'reference'),
        ('region', 'aws-region'),
        ('snsDestination.topicArn', 'reference'),
    ),
    'aws:ses/identityNotificationTopic:IdentityNotificationTopic': (
        ('region', 'aws-region'),
        ('topicArn', 'reference'),
    ),
    'aws:ses/identityPolicy:IdentityPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:ses/mailFrom:MailFrom': (
        ('region', 'aws-region'),
    ),
    'aws:ses/receiptFilter:ReceiptFilter': (
        ('region', 'aws-region'),
    ),
    'aws:ses/receiptRule:ReceiptRule': (
        ('bounceActions[].topicArn', 'reference'),
        ('lambdaActions[].functionArn', 'reference'),
        ('lambdaActions[].topicArn', 'reference'),
        ('region', 'aws-region'),
        ('s3Actions[].iamRoleArn', 'reference'),
        ('s3Actions[].kmsKeyArn', 'reference'),
        ('s3Actions[].topicArn', 'reference'),
        ('snsActions[].topicArn', 'reference'),
        ('stopActions[].topicArn', 'reference'),
        ('workmailActions[].organizationArn', 'reference'),
        ('workmailActions[].topicArn', 'reference'),
    ),
    'aws:ses/receiptRuleSet:ReceiptRuleSet': (
        ('region', 'aws-region'),
    ),
    'aws:ses/template:Template': (
        ('region', 'aws-region'),
    ),
    'aws:sesv2/accountSuppressionAttributes:AccountSuppressionAttributes': (
        ('region', 'aws-region'),
    ),
    'aws:sesv2/accountVdmAttributes:AccountVdmAttributes': (
        ('region', 'aws-region'),
    ),
    'aws:sesv2/configurationSet:ConfigurationSet': (
        ('region', 'aws-region'),
    ),
    'aws:sesv2/configurationSetEventDestination:ConfigurationSetEventDestination': (
        ('eventDestination.eventBridgeDestination.eventBusArn', 'reference'),
        ('eventDestination.kinesisFirehoseDestination.deliveryStreamArn', 'reference'),
        ('eventDestination.kinesisFirehoseDestination.iamRoleArn', 'reference'),
        ('eventDestination.pinpointDestination.applicationArn', 'reference'),
        ('eventDestination.snsDestination.topicArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:sesv2/contactList:ContactList': (
        ('region', 'aws-region'),
    ),
    'aws:sesv2/dedicatedIpAssignment:DedicatedIpAssignment': (
        ('region', 'aws-region'),
    ),
    'aws:sesv2/dedicatedIpPool:DedicatedIpPool': (
        ('region', 'aws-region'),
    ),
    'aws:sesv2/emailIdentity:EmailIdentity': (
        ('region', 'aws-region'),
    ),
    'aws:sesv2/emailIdentityFeedbackAttributes:EmailIdentityFeedbackAttributes': (
        ('region', 'aws-region'),
    ),
    'aws:sesv2/emailIdentityMailFromAttributes:EmailIdentityMailFromAttributes': (
        ('region', 'aws-region'),
    ),
    'aws:sesv2/emailIdentityPolicy:EmailIdentityPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:sesv2/multiRegionEndpoint:MultiRegionEndpoint': (
        ('details.routesDetails.region', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:sesv2/tenant:Tenant': (
        ('region', 'aws-region'),
    ),
    'aws:sesv2/tenantResourceAssociation:TenantResourceAssociation': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:sfn/activity:Activity': (
        ('encryptionConfiguration.kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:sfn/alias:Alias': (
        ('region', 'aws-region'),
        ('routingConfigurations[].stateMachineVersionArn', 'reference'),
    ),
    'aws:sfn/stateMachine:StateMachine': (
        ('encryptionConfiguration.kmsKeyId', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:shield/applicationLayerAutomaticResponse:ApplicationLayerAutomaticResponse': (
        ('resourceArn', 'reference'),
    ),
    'aws:shield/drtAccessRoleArnAssociation:DrtAccessRoleArnAssociation': (
        ('roleArn', 'reference'),
    ),
    'aws:shield/protection:Protection': (
        ('resourceArn', 'reference'),
    ),
    'aws:shield/protectionHealthCheckAssociation:ProtectionHealthCheckAssociation': (
        ('healthCheckArn', 'reference'),
    ),
    'aws:signer/signingJob:SigningJob': (
        ('destination.s3.bucket', 'remote'),
        ('region', 'aws-region'),
    ),
    'aws:signer/signingProfile:SigningProfile': (
        ('region', 'aws-region'),
        ('signingMaterial.certificateArn', 'reference'),
    ),
    'aws:signer/signingProfilePermission:SigningProfilePermission': (
        ('region', 'aws-region'),
    ),
    'aws:sns/dataProtectionPolicy:DataProtectionPolicy': (
        ('arn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:sns/platformApplication:PlatformApplication': (
        ('eventDeliveryFailureTopicArn', 'reference'),
        ('eventEndpointCreatedTopicArn', 'reference'),
        ('eventEndpointDeletedTopicArn', 'reference'),
        ('eventEndpointUpdatedTopicArn', 'reference'),
        ('failureFeedbackRoleArn', 'reference'),
        ('region', 'aws-region'),
        ('successFeedbackRoleArn', 'reference'),
    ),
    'aws:sns/smsPreferences:SmsPreferences': (
        ('deliveryStatusIamRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:sns/topic:Topic': (
        ('applicationFailureFeedbackRoleArn', 'reference'),
        ('applicationSuccessFeedbackRoleArn', 'reference'),
        ('firehoseFailureFeedbackRoleArn', 'reference'),
        ('firehoseSuccessFeedbackRoleArn', 'reference'),
        ('httpFailureFeedbackRoleArn', 'reference'),
        ('httpSuccessFeedbackRoleArn', 'reference'),
        ('lambdaFailureFeedbackRoleArn', 'reference'),
        ('lambdaSuccessFeedbackRoleArn', 'reference'),
        ('region', 'aws-region'),
        ('sqsFailureFeedbackRoleArn', 'reference'),
        ('sqsSuccessFeedbackRoleArn', 'reference'),
    ),
    'aws:sns/topicPolicy:TopicPolicy': (
        ('arn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:sns/topicSubscription:TopicSubscription': (
        ('region', 'aws-region'),
        ('subscriptionRoleArn', 'reference'),
    ),
    'aws:sqs/queue:Queue': (
        ('region', 'aws-region'),
    ),
    'aws:sqs/queuePolicy:QueuePolicy': (
        ('region', 'aws-region'),
    ),
    'aws:sqs/redriveAllowPolicy:RedriveAllowPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:sqs/redrivePolicy:RedrivePolicy': (
        ('region', 'aws-region'),
    ),
    'aws:ssm/activation:Activation': (
        ('region', 'aws-region'),
    ),
    'aws:ssm/association:Association': (
        ('outputLocation.s3Region', 'aws-region'),
        ('region', 'aws-region'),
    ),
    'aws:ssm/contactsRotation:ContactsRotation': (
        ('region', 'aws-region'),
    ),
    'aws:ssm/defaultPatchBaseline:DefaultPatchBaseline': (
        ('region', 'aws-region'),
    ),
    'aws:ssm/document:Document': (
        ('region', 'aws-region'),
    ),
    'aws:ssm/maintenanceWindow:MaintenanceWindow': (
        ('region', 'aws-region'),
    ),
    'aws:ssm/maintenanceWindowTarget:MaintenanceWindowTarget': (
        ('region', 'aws-region'),
    ),
    'aws:ssm/maintenanceWindowTask:MaintenanceWindowTask': (
        ('region', 'aws-region'),
        ('serviceRoleArn', 'reference'),
        ('taskArn', 'reference'),
        ('taskInvocationParameters.runCommandParameters.notificationConfig.notificationArn', 'reference'),
        ('taskInvocationParameters.runCommandParameters.serviceRoleArn', 'reference'),
    ),
    'aws:ssm/parameter:Parameter': (
        ('arn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ssm/patchBaseline:PatchBaseline': (
        ('region', 'aws-region'),
    ),
    'aws:ssm/patchGroup:PatchGroup': (
        ('region', 'aws-region'),
    ),
    'aws:ssm/quicksetupConfigurationManager:QuicksetupConfigurationManager': (
        ('configurationDefinition.localDeploymentAdministrationRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ssm/resourceDataSync:ResourceDataSync': (
        ('region', 'aws-region'),
        ('s3Destination.kmsKeyArn', 'reference'),
        ('s3Destination.region', 'aws-region'),
    ),
    'aws:ssm/serviceSetting:ServiceSetting': (
        ('region', 'aws-region'),
    ),
    'aws:ssmcontacts/contact:Contact': (
        ('region', 'aws-region'),
    ),
    'aws:ssmcontacts/contactChannel:ContactChannel': (
        ('region', 'aws-region'),
    ),
    'aws:ssmcontacts/plan:Plan': (
        ('region', 'aws-region'),
    ),
    'aws:ssmincidents/replicationSet:ReplicationSet': (
        ('region[].kmsKeyArn', 'reference'),
        ('regions[].kmsKeyArn', 'reference'),
    ),
    'aws:ssmincidents/responsePlan:ResponsePlan': (
        ('action.ssmAutomations[].roleArn', 'reference'),
        ('incidentTemplate.notificationTargets[].snsTopicArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ssoadmin/accountAssignment:AccountAssignment': (
        ('instanceArn', 'reference'),
        ('permissionSetArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ssoadmin/application:Application': (
        ('applicationProviderArn', 'reference'),
        ('instanceArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ssoadmin/applicationAccessScope:ApplicationAccessScope': (
        ('applicationArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ssoadmin/applicationAssignment:ApplicationAssignment': (
        ('applicationArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ssoadmin/applicationAssignmentConfiguration:ApplicationAssignmentConfiguration': (
        ('applicationArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment': (
        ('instanceArn', 'reference'),
        ('permissionSetArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ssoadmin/customerManagedPolicyAttachmentsExclusive:CustomerManagedPolicyAttachmentsExclusive': (
        ('instanceArn', 'reference'),
        ('permissionSetArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ssoadmin/instanceAccessControlAttributes:InstanceAccessControlAttributes': (
        ('instanceArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment': (
        ('instanceArn', 'reference'),
        ('managedPolicyArn', 'reference'),
        ('permissionSetArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ssoadmin/managedPolicyAttachmentsExclusive:ManagedPolicyAttachmentsExclusive': (
        ('instanceArn', 'reference'),
        ('managedPolicyArns', 'reference'),
        ('permissionSetArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ssoadmin/permissionSet:PermissionSet': (
        ('instanceArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy': (
        ('instanceArn', 'reference'),
        ('permissionSetArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment': (
        ('instanceArn', 'reference'),
        ('permissionSetArn', 'reference'),
        ('permissionsBoundary.managedPolicyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:ssoadmin/region:Region': (
        ('instanceArn', 'reference'),
        ('region', 'aws-region'),
        ('regionName', 'aws-region'),
    ),
    'aws:ssoadmin/trustedTokenIssuer:TrustedTokenIssuer': (
        ('instanceArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:storagegateway/cache:Cache': (
        ('gatewayArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:storagegateway/cachesIscsiVolume:CachesIscsiVolume': (
        ('gatewayArn', 'reference'),
        ('kmsKey', 'reference'),
        ('region', 'aws-region'),
        ('sourceVolumeArn', 'reference'),
    ),
    'aws:storagegateway/fileSystemAssociation:FileSystemAssociation': (
        ('auditDestinationArn', 'reference'),
        ('gatewayArn', 'reference'),
        ('locationArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:storagegateway/gateway:Gateway': (
        ('cloudwatchLogGroupArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:storagegateway/nfsFileShare:NfsFileShare': (
        ('auditDestinationArn', 'reference'),
        ('bucketRegion', 'aws-region'),
        ('gatewayArn', 'reference'),
        ('kmsKeyArn', 'reference'),
        ('locationArn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:storagegateway/smbFileShare:SmbFileShare': (
        ('auditDestinationArn', 'reference'),
        ('bucketRegion', 'aws-region'),
        ('gatewayArn', 'reference'),
        ('kmsKeyArn', 'reference'),
        ('locationArn', 'reference'),
        ('region', 'aws-region'),
        ('roleArn', 'reference'),
    ),
    'aws:storagegateway/storedIscsiVolume:StoredIscsiVolume': (
        ('gatewayArn', 'reference'),
        ('kmsKey', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:storagegateway/tapePool:TapePool': (
        ('region', 'aws-region'),
    ),
    'aws:storagegateway/uploadBuffer:UploadBuffer': (
        ('gatewayArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:storagegateway/workingStorage:WorkingStorage': (
        ('gatewayArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:swf/domain:Domain': (
        ('region', 'aws-region'),
    ),
    'aws:synthetics/canary:Canary': (
        ('artifactConfig.s3Encryption.kmsKeyArn', 'reference'),
        ('executionRoleArn', 'reference'),
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:synthetics/group:Group': (
        ('region', 'aws-region'),
    ),
    'aws:synthetics/groupAssociation:GroupAssociation': (
        ('canaryArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:timestreaminfluxdb/dbCluster:DbCluster': (
        ('region', 'aws-region'),
    ),
    'aws:timestreaminfluxdb/dbInstance:DbInstance': (
        ('region', 'aws-region'),
    ),
    'aws:timestreamquery/scheduledQuery:ScheduledQuery': (
        ('executionRoleArn', 'reference'),
        ('kmsKeyId', 'reference'),
        ('lastRunSummaries[].queryInsightsResponses[].querySpatialCoverages[].maxes[].tableArn', 'reference'),
        ('lastRunSummaries[].queryInsightsResponses[].queryTemporalRanges[].maxes[].tableArn', 'reference'),
        ('notificationConfiguration.snsConfiguration.topicArn', 'reference'),
        ('recentlyFailedRuns[].queryInsightsResponses[].querySpatialCoverages[].maxes[].tableArn', 'reference'),
        ('recentlyFailedRuns[].queryInsightsResponses[].queryTemporalRanges[].maxes[].tableArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:timestreamwrite/database:Database': (
        ('kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:timestreamwrite/table:Table': (
        ('magneticStoreWriteProperties.magneticStoreRejectedDataLocation.s3Configuration.kmsKeyId', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:transcribe/languageModel:LanguageModel': (
        ('inputDataConfig.dataAccessRoleArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:transcribe/medicalVocabulary:MedicalVocabulary': (
        ('region', 'aws-region'),
    ),
    'aws:transcribe/vocabulary:Vocabulary': (
        ('region', 'aws-region'),
    ),
    'aws:transcribe/vocabularyFilter:VocabularyFilter': (
        ('region', 'aws-region'),
    ),
    'aws:transfer/access:Access': (
        ('region', 'aws-region'),
    ),
    'aws:transfer/agreement:Agreement': (
        ('region', 'aws-region'),
    ),
    'aws:transfer/certificate:Certificate': (
        ('region', 'aws-region'),
    ),
    'aws:transfer/connector:Connector': (
        ('egressConfig.vpcLattice.resourceConfigurationArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:transfer/hostKey:HostKey': (
        ('region', 'aws-region'),
    ),
    'aws:transfer/profile:Profile': (
        ('region', 'aws-region'),
    ),
    'aws:transfer/server:Server': (
        ('region', 'aws-region'),
    ),
    'aws:transfer/sshKey:SshKey': (
        ('region', 'aws-region'),
    ),
    'aws:transfer/tag:Tag': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:transfer/user:User': (
        ('region', 'aws-region'),
    ),
    'aws:transfer/webApp:WebApp': (
        ('identityProviderDetails.identityCenterConfig.applicationArn', 'reference'),
        ('identityProviderDetails.identityCenterConfig.instanceArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:transfer/webAppCustomization:WebAppCustomization': (
        ('region', 'aws-region'),
    ),
    'aws:transfer/workflow:Workflow': (
        ('onExceptionSteps[].copyStepDetails.destinationFileLocation.s3FileLocation.bucket', 'remote'),
        ('onExceptionSteps[].decryptStepDetails.destinationFileLocation.s3FileLocation.bucket', 'remote'),
        ('region', 'aws-region'),
        ('steps[].copyStepDetails.destinationFileLocation.s3FileLocation.bucket', 'remote'),
        ('steps[].decryptStepDetails.destinationFileLocation.s3FileLocation.bucket', 'remote'),
    ),
    'aws:uxc/accountCustomizations:AccountCustomizations': (
        ('visibleRegions', 'aws-region'),
    ),
    'aws:verifiedaccess/endpoint:Endpoint': (
        ('domainCertificateArn', 'reference'),
        ('loadBalancerOptions.loadBalancerArn', 'reference'),
        ('rdsOptions.rdsDbClusterArn', 'reference'),
        ('rdsOptions.rdsDbInstanceArn', 'reference'),
        ('rdsOptions.rdsDbProxyArn', 'reference'),
        ('region', 'aws-region'),
        ('sseSpecification.kmsKeyArn', 'reference'),
    ),
    'aws:verifiedaccess/group:Group': (
        ('region', 'aws-region'),
        ('sseConfiguration.kmsKeyArn', 'reference'),
    ),
    'aws:verifiedaccess/instance:Instance': (
        ('region', 'aws-region'),
    ),
    'aws:verifiedaccess/instanceLoggingConfiguration:InstanceLoggingConfiguration': (
        ('region', 'aws-region'),
    ),
    'aws:verifiedaccess/instanceTrustProviderAttachment:InstanceTrustProviderAttachment': (
        ('region', 'aws-region'),
    ),
    'aws:verifiedaccess/trustProvider:TrustProvider': (
        ('region', 'aws-region'),
        ('sseSpecification.kmsKeyArn', 'reference'),
    ),
    'aws:verifiedpermissions/identitySource:IdentitySource': (
        ('configuration.cognitoUserPoolConfiguration.userPoolArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:verifiedpermissions/policy:Policy': (
        ('region', 'aws-region'),
    ),
    'aws:verifiedpermissions/policyStore:PolicyStore': (
        ('region', 'aws-region'),
    ),
    'aws:verifiedpermissions/policyTemplate:PolicyTemplate': (
        ('region', 'aws-region'),
    ),
    'aws:verifiedpermissions/schema:Schema': (
        ('region', 'aws-region'),
    ),
    'aws:vpc/endpointPrivateDns:EndpointPrivateDns': (
        ('region', 'aws-region'),
    ),
    'aws:vpc/endpointServicePrivateDnsVerification:EndpointServicePrivateDnsVerification': (
        ('region', 'aws-region'),
    ),
    'aws:vpc/routeServer:RouteServer': (
        ('region', 'aws-region'),
    ),
    'aws:vpc/routeServerEndpoint:RouteServerEndpoint': (
        ('region', 'aws-region'),
    ),
    'aws:vpc/routeServerPeer:RouteServerPeer': (
        ('region', 'aws-region'),
    ),
    'aws:vpc/routeServerPropagation:RouteServerPropagation': (
        ('region', 'aws-region'),
    ),
    'aws:vpc/routeServerVpcAssociation:RouteServerVpcAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule': (
        ('region', 'aws-region'),
    ),
    'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule': (
        ('region', 'aws-region'),
    ),
    'aws:vpc/securityGroupVpcAssociation:SecurityGroupVpcAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:vpclattice/accessLogSubscription:AccessLogSubscription': (
        ('destinationArn', 'remote'),
        ('region', 'aws-region'),
    ),
    'aws:vpclattice/authPolicy:AuthPolicy': (
        ('region', 'aws-region'),
    ),
    'aws:vpclattice/domainVerification:DomainVerification': (
        ('region', 'aws-region'),
    ),
    'aws:vpclattice/listener:Listener': (
        ('region', 'aws-region'),
        ('serviceArn', 'reference'),
    ),
    'aws:vpclattice/listenerRule:ListenerRule': (
        ('region', 'aws-region'),
    ),
    'aws:vpclattice/resourceConfiguration:ResourceConfiguration': (
        ('region', 'aws-region'),
        ('resourceConfigurationDefinition.arnResource.arn', 'reference'),
    ),
    'aws:vpclattice/resourceGateway:ResourceGateway': (
        ('region', 'aws-region'),
    ),
    'aws:vpclattice/resourcePolicy:ResourcePolicy': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:vpclattice/service:Service': (
        ('certificateArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:vpclattice/serviceNetwork:ServiceNetwork': (
        ('region', 'aws-region'),
    ),
    'aws:vpclattice/serviceNetworkResourceAssociation:ServiceNetworkResourceAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:vpclattice/serviceNetworkServiceAssociation:ServiceNetworkServiceAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:vpclattice/serviceNetworkVpcAssociation:ServiceNetworkVpcAssociation': (
        ('region', 'aws-region'),
    ),
    'aws:vpclattice/targetGroup:TargetGroup': (
        ('region', 'aws-region'),
    ),
    'aws:vpclattice/targetGroupAttachment:TargetGroupAttachment': (
        ('region', 'aws-region'),
    ),
    'aws:wafregional/byteMatchSet:ByteMatchSet': (
        ('region', 'aws-region'),
    ),
    'aws:wafregional/geoMatchSet:GeoMatchSet': (
        ('region', 'aws-region'),
    ),
    'aws:wafregional/ipSet:IpSet': (
        ('region', 'aws-region'),
    ),
    'aws:wafregional/rateBasedRule:RateBasedRule': (
        ('region', 'aws-region'),
    ),
    'aws:wafregional/regexMatchSet:RegexMatchSet': (
        ('region', 'aws-region'),
    ),
    'aws:wafregional/regexPatternSet:RegexPatternSet': (
        ('region', 'aws-region'),
    ),
    'aws:wafregional/rule:Rule': (
        ('region', 'aws-region'),
    ),
    'aws:wafregional/ruleGroup:RuleGroup': (
        ('region', 'aws-region'),
    ),
    'aws:wafregional/sizeConstraintSet:SizeConstraintSet': (
        ('region', 'aws-region'),
    ),
    'aws:wafregional/sqlInjectionMatchSet:SqlInjectionMatchSet': (
        ('region', 'aws-region'),
    ),
    'aws:wafregional/webAcl:WebAcl': (
        ('region', 'aws-region'),
    ),
    'aws:wafregional/webAclAssociation:WebAclAssociation': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:wafregional/xssMatchSet:XssMatchSet': (
        ('region', 'aws-region'),
    ),
    'aws:wafv2/apiKey:ApiKey': (
        ('region', 'aws-region'),
    ),
    'aws:wafv2/ipSet:IpSet': (
        ('region', 'aws-region'),
    ),
    'aws:wafv2/regexPatternSet:RegexPatternSet': (
        ('region', 'aws-region'),
    ),
    'aws:wafv2/ruleGroup:RuleGroup': (
        ('region', 'aws-region'),
        ('rules[].statement.ipSetReferenceStatement.arn', 'reference'),
        ('rules[].statement.rateBasedStatement.scopeDownStatement.ipSetReferenceStatement.arn', 'reference'),
        ('rules[].statement.rateBasedStatement.scopeDownStatement.regexPatternSetReferenceStatement.arn', 'reference'),
        ('rules[].statement.regexPatternSetReferenceStatement.arn', 'reference'),
    ),
    'aws:wafv2/webAcl:WebAcl': (
        ('region', 'aws-region'),
        ('rules[].statement.ipSetReferenceStatement.arn', 'reference'),
        ('rules[].statement.managedRuleGroupStatement.scopeDownStatement.ipSetReferenceStatement.arn', 'reference'),
        ('rules[].statement.managedRuleGroupStatement.scopeDownStatement.regexPatternSetReferenceStatement.arn', 'reference'),
        ('rules[].statement.rateBasedStatement.scopeDownStatement.ipSetReferenceStatement.arn', 'reference'),
        ('rules[].statement.rateBasedStatement.scopeDownStatement.regexPatternSetReferenceStatement.arn', 'reference'),
        ('rules[].statement.regexPatternSetReferenceStatement.arn', 'reference'),
        ('rules[].statement.ruleGroupReferenceStatement.arn', 'reference'),
    ),
    'aws:wafv2/webAclAssociation:WebAclAssociation': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
        ('webAclArn', 'reference'),
    ),
    'aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:wafv2/webAclRule:WebAclRule': (
        ('region', 'aws-region'),
        ('statement.ipSetReferenceStatement.arn', 'reference'),
        ('statement.managedRuleGroupStatement.scopeDownStatement.ipSetReferenceStatement.arn', 'reference'),
        ('statement.managedRuleGroupStatement.scopeDownStatement.regexPatternSetReferenceStatement.arn', 'reference'),
        ('statement.rateBasedStatement.scopeDownStatement.ipSetReferenceStatement.arn', 'reference'),
        ('statement.rateBasedStatement.scopeDownStatement.regexPatternSetReferenceStatement.arn', 'reference'),
        ('statement.regexPatternSetReferenceStatement.arn', 'reference'),
        ('statement.ruleGroupReferenceStatement.arn', 'reference'),
        ('webAclArn', 'reference'),
    ),
    'aws:wafv2/webAclRuleGroupAssociation:WebAclRuleGroupAssociation': (
        ('region', 'aws-region'),
        ('ruleGroupReference.arn', 'reference'),
        ('webAclArn', 'reference'),
    ),
    'aws:workmail/defaultDomain:DefaultDomain': (
        ('region', 'aws-region'),
    ),
    'aws:workmail/domain:Domain': (
        ('region', 'aws-region'),
    ),
    'aws:workmail/group:Group': (
        ('region', 'aws-region'),
    ),
    'aws:workmail/organization:Organization': (
        ('kmsKeyArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:workmail/user:User': (
        ('region', 'aws-region'),
    ),
    'aws:workspaces/connectionAlias:ConnectionAlias': (
        ('region', 'aws-region'),
    ),
    'aws:workspaces/directory:Directory': (
        ('activeDirectoryConfig.serviceAccountSecretArn', 'reference'),
        ('certificateBasedAuthProperties.certificateAuthorityArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:workspaces/ipGroup:IpGroup': (
        ('region', 'aws-region'),
    ),
    'aws:workspaces/pool:Pool': (
        ('region', 'aws-region'),
    ),
    'aws:workspaces/workspace:Workspace': (
        ('region', 'aws-region'),
    ),
    'aws:workspacesweb/browserSettings:BrowserSettings': (
        ('region', 'aws-region'),
    ),
    'aws:workspacesweb/browserSettingsAssociation:BrowserSettingsAssociation': (
        ('browserSettingsArn', 'reference'),
        ('portalArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:workspacesweb/dataProtectionSettings:DataProtectionSettings': (
        ('region', 'aws-region'),
    ),
    'aws:workspacesweb/dataProtectionSettingsAssociation:DataProtectionSettingsAssociation': (
        ('dataProtectionSettingsArn', 'reference'),
        ('portalArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:workspacesweb/identityProvider:IdentityProvider': (
        ('portalArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:workspacesweb/ipAccessSettings:IpAccessSettings': (
        ('region', 'aws-region'),
    ),
    'aws:workspacesweb/ipAccessSettingsAssociation:IpAccessSettingsAssociation': (
        ('ipAccessSettingsArn', 'reference'),
        ('portalArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:workspacesweb/networkSettings:NetworkSettings': (
        ('region', 'aws-region'),
    ),
    'aws:workspacesweb/networkSettingsAssociation:NetworkSettingsAssociation': (
        ('networkSettingsArn', 'reference'),
        ('portalArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:workspacesweb/portal:Portal': (
        ('browserSettingsArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:workspacesweb/sessionLogger:SessionLogger': (
        ('region', 'aws-region'),
    ),
    'aws:workspacesweb/sessionLoggerAssociation:SessionLoggerAssociation': (
        ('portalArn', 'reference'),
        ('region', 'aws-region'),
        ('sessionLoggerArn', 'reference'),
    ),
    'aws:workspacesweb/trustStore:TrustStore': (
        ('region', 'aws-region'),
    ),
    'aws:workspacesweb/trustStoreAssociation:TrustStoreAssociation': (
        ('portalArn', 'reference'),
        ('region', 'aws-region'),
        ('trustStoreArn', 'reference'),
    ),
    'aws:workspacesweb/userAccessLoggingSettings:UserAccessLoggingSettings': (
        ('kinesisStreamArn', 'reference'),
        ('region', 'aws-region'),
    ),
    'aws:workspacesweb/userAccessLoggingSettingsAssociation:UserAccessLoggingSettingsAssociation': (
        ('portalArn', 'reference'),
        ('region', 'aws-region'),
        ('userAccessLoggingSettingsArn', 'reference'),
    ),
    'aws:workspacesweb/userSettings:UserSettings': (
        ('region', 'aws-region'),
    ),
    'aws:workspacesweb/userSettingsAssociation:UserSettingsAssociation': (
        ('portalArn', 'reference'),
        ('region', 'aws-region'),
        ('userSettingsArn', 'reference'),
    ),
    'aws:xray/encryptionConfig:EncryptionConfig': (
        ('region', 'aws-region'),
    ),
    'aws:xray/group:Group': (
        ('region', 'aws-region'),
    ),
    'aws:xray/indexingRule:IndexingRule': (
        ('region', 'aws-region'),
    ),
    'aws:xray/resourcePolicy:ResourcePolicy': (
        ('region', 'aws-region'),
    ),
    'aws:xray/samplingRule:SamplingRule': (
        ('region', 'aws-region'),
        ('resourceArn', 'reference'),
    ),
    'aws:xray/traceSegmentDestination:TraceSegmentDestination': (
        ('region', 'aws-region'),
    ),
    'azure-native:aad:DomainService': (
        ('location', 'azure-location'),
        ('replicaSets[].location', 'azure-location'),
    ),
    'azure-native:agfoodplatform:DataManagerForAgricultureResource': (
        ('location', 'azure-location'),
    ),
    'azure-native:agricultureplatform:AgriService': (
        ('location', 'azure-location'),
    ),
    'azure-native:alertsmanagement:ActionRuleByName': (
        ('location', 'azure-location'),
    ),
    'azure-native:alertsmanagement:AlertProcessingRuleByName': (
        ('location', 'azure-location'),
    ),
    'azure-native:alertsmanagement:PrometheusRuleGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:alertsmanagement:SmartDetectorAlertRule': (
        ('location', 'azure-location'),
    ),
    'azure-native:analysisservices:ServerDetails': (
        ('location', 'azure-location'),
    ),
    'azure-native:apicenter:Service': (
        ('location', 'azure-location'),
    ),
    'azure-native:apimanagement:ApiGateway': (
        ('location', 'azure-location'),
    ),
    'azure-native:apimanagement:ApiManagementService': (
        ('additionalLocations[].location', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:apimanagement:Cache': (
        ('useFromLocation', 'azure-location'),
    ),
    'azure-native:app:Agent': (
        ('location', 'azure-location'),
    ),
    'azure-native:app:AgentSpace': (
        ('location', 'azure-location'),
    ),
    'azure-native:app:Builder': (
        ('location', 'azure-location'),
    ),
    'azure-native:app:Certificate': (
        ('location', 'azure-location'),
    ),
    'azure-native:app:ConnectedEnvironment': (
        ('location', 'azure-location'),
    ),
    'azure-native:app:ConnectedEnvironmentsCertificate': (
        ('location', 'azure-location'),
    ),
    'azure-native:app:ContainerApp': (
        ('location', 'azure-location'),
    ),
    'azure-native:app:ContainerAppsSessionPool': (
        ('location', 'azure-location'),
    ),
    'azure-native:app:Job': (
        ('location', 'azure-location'),
    ),
    'azure-native:app:ManagedCertificate': (
        ('location', 'azure-location'),
    ),
    'azure-native:app:ManagedEnvironment': (
        ('location', 'azure-location'),
    ),
    'azure-native:appcomplianceautomation:Report': (
        ('storageInfo.location', 'azure-location'),
    ),
    'azure-native:appconfiguration:ConfigurationStore': (
        ('location', 'azure-location'),
    ),
    'azure-native:appconfiguration:Replica': (
        ('location', 'azure-location'),
    ),
    'azure-native:applicationinsights:Component': (
        ('location', 'azure-location'),
    ),
    'azure-native:applicationinsights:ComponentLinkedStorageAccount': (
        ('linkedStorageAccount', 'remote'),
    ),
    'azure-native:applicationinsights:MyWorkbook': (
        ('location', 'azure-location'),
    ),
    'azure-native:applicationinsights:ProactiveDetectionConfiguration': (
        ('location', 'azure-location'),
    ),
    'azure-native:applicationinsights:WebTest': (
        ('location', 'azure-location'),
        ('locations[].location', 'azure-location'),
    ),
    'azure-native:applicationinsights:Workbook': (
        ('location', 'azure-location'),
    ),
    'azure-native:applicationinsights:WorkbookTemplate': (
        ('location', 'azure-location'),
    ),
    'azure-native:applink:AppLink': (
        ('location', 'azure-location'),
    ),
    'azure-native:applink:AppLinkMember': (
        ('location', 'azure-location'),
    ),
    'azure-native:appplatform:App': (
        ('location', 'azure-location'),
    ),
    'azure-native:appplatform:Service': (
        ('location', 'azure-location'),
    ),
    'azure-native:attestation:AttestationProvider': (
        ('location', 'azure-location'),
    ),
    'azure-native:authorization:PolicyAssignment': (
        ('location', 'azure-location'),
    ),
    'azure-native:authorization:ResourceManagementPrivateLink': (
        ('location', 'azure-location'),
    ),
    'azure-native:automanage:ConfigurationProfile': (
        ('location', 'azure-location'),
    ),
    'azure-native:automanage:ConfigurationProfilesVersion': (
        ('location', 'azure-location'),
    ),
    'azure-native:automation:AutomationAccount': (
        ('location', 'azure-location'),
    ),
    'azure-native:automation:DscConfiguration': (
        ('location', 'azure-location'),
    ),
    'azure-native:automation:Module': (
        ('location', 'azure-location'),
    ),
    'azure-native:automation:Package': (
        ('allOf.location', 'azure-location'),
    ),
    'azure-native:automation:PowerShell72Module': (
        ('location', 'azure-location'),
    ),
    'azure-native:automation:Runbook': (
        ('location', 'azure-location'),
    ),
    'azure-native:automation:RuntimeEnvironment': (
        ('location', 'azure-location'),
    ),
    'azure-native:automation:SoftwareUpdateConfigurationByName': (
        ('updateConfiguration.targets.azureQueries[].locations', 'azure-location'),
    ),
    'azure-native:automation:Watcher': (
        ('location', 'azure-location'),
    ),
    'azure-native:avs:PrivateCloud': (
        ('location', 'azure-location'),
    ),
    'azure-native:awsconnector:AccessAnalyzerAnalyzer': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:AcmCertificateSummary': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:ApiGatewayRestApi': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:ApiGatewayStage': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:AppSyncGraphqlApi': (
        ('location', 'azure-location'),
        ('properties.awsProperties.additionalAuthenticationProviders[].userPoolConfig.awsRegion', 'aws-region'),
        ('properties.awsProperties.userPoolConfig.awsRegion', 'aws-region'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:AutoScalingAutoScalingGroup': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:CloudFormationStack': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:CloudFormationStackSet': (
        ('location', 'azure-location'),
        ('properties.awsProperties.stackInstancesGroup[].regions', 'aws-region'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:CloudFrontDistribution': (
        ('location', 'azure-location'),
        ('properties.awsProperties.distributionConfig.restrictions.geoRestriction.locations', 'aws-region'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:CloudTrailTrail': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:CloudWatchAlarm': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:CodeBuildProject': (
        ('location', 'azure-location'),
        ('properties.awsProperties.artifacts.location', 'aws-region'),
        ('properties.awsProperties.cache.location', 'aws-region'),
        ('properties.awsProperties.fileSystemLocations[].location', 'aws-region'),
        ('properties.awsProperties.logsConfig.s3Logs.location', 'aws-region'),
        ('properties.awsProperties.secondaryArtifacts[].location', 'aws-region'),
        ('properties.awsProperties.secondarySources[].location', 'aws-region'),
        ('properties.awsProperties.source.location', 'aws-region'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:CodeBuildSourceCredentialsInfo': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:ConfigServiceConfigurationRecorder': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:ConfigServiceConfigurationRecorderStatus': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:ConfigServiceDeliveryChannel': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:DatabaseMigrationServiceReplicationInstance': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:DaxCluster': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:DynamoDbContinuousBackupsDescription': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:DynamoDbTable': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Ec2AccountAttribute': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Ec2Address': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Ec2FlowLog': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Ec2Image': (
        ('location', 'azure-location'),
        ('properties.awsProperties.sourceInstanceId', 'remote'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Ec2Instance': (
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Ec2InstanceStatus': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Ec2Ipam': (
        ('location', 'azure-location'),
        ('properties.awsProperties.ipamRegion', 'aws-region'),
        ('properties.awsProperties.operatingRegions[].regionName', 'aws-region'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Ec2KeyPair': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Ec2NetworkAcl': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Ec2NetworkInterface': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Ec2RouteTable': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Ec2SecurityGroup': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Ec2Snapshot': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Ec2Subnet': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Ec2Volume': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Ec2Vpc': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Ec2VpcEndpoint': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Ec2VpcPeeringConnection': (
        ('location', 'azure-location'),
        ('properties.awsProperties.peerRegion', 'aws-region'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:EcrImageDetail': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:EcrRepository': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:EcsCluster': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:EcsService': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:EcsTaskDefinition': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:EfsFileSystem': (
        ('location', 'azure-location'),
        ('properties.awsProperties.replicationConfiguration.destinations[].region', 'aws-region'),
        ('properties.awsProperties.replicationConfiguration.rules[].destination.region', 'aws-region'),
        ('properties.awsProperties.replicationConfiguration.rules[].id', 'remote'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:EfsMountTarget': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:EksCluster': (
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:EksNodegroup': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:ElasticBeanstalkApplication': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:ElasticBeanstalkConfigurationTemplate': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:ElasticBeanstalkEnvironment': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:ElasticLoadBalancingV2Listener': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:ElasticLoadBalancingV2LoadBalancer': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:ElasticLoadBalancingV2TargetGroup': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:ElasticLoadBalancingv2TargetHealthDescription': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:EmrCluster': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:GuardDutyDetector': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:IamAccessKeyLastUsed': (
        ('location', 'azure-location'),
        ('properties.awsProperties.region', 'aws-region'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:IamAccessKeyMetadataInfo': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:IamGroup': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:IamInstanceProfile': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:IamMfaDevice': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:IamPasswordPolicy': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:IamPolicyVersion': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:IamRole': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:IamServerCertificate': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:IamVirtualMfaDevice': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:KmsAlias': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:KmsKey': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:LambdaFunction': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:LambdaFunctionCodeLocation': (
        ('location', 'azure-location'),
        ('properties.awsProperties.location', 'aws-region'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:LightsailBucket': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:LightsailInstance': (
        ('location', 'azure-location'),
        ('properties.awsProperties.location.regionName', 'aws-region'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:LogsLogGroup': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:LogsLogStream': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:LogsMetricFilter': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:LogsSubscriptionFilter': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Macie2JobSummary': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:MacieAllowList': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:NetworkFirewallFirewall': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:NetworkFirewallFirewallPolicy': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:NetworkFirewallRuleGroup': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:OpenSearchDomainStatus': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:OrganizationsAccount': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:OrganizationsOrganization': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:RdsDbCluster': (
        ('location', 'azure-location'),
        ('properties.awsProperties.sourceRegion', 'aws-region'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:RdsDbInstance': (
        ('location', 'azure-location'),
        ('properties.awsProperties.automaticBackupReplicationRegion', 'aws-region'),
        ('properties.awsProperties.sourceDbiResourceId', 'remote'),
        ('properties.awsProperties.sourceRegion', 'aws-region'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:RdsDbSnapshot': (
        ('location', 'azure-location'),
        ('properties.awsProperties.sourceRegion', 'aws-region'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:RdsDbSnapshotAttributesResult': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:RdsEventSubscription': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:RdsExportTask': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:RedshiftCluster': (
        ('location', 'azure-location'),
        ('properties.awsProperties.destinationRegion', 'aws-region'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:RedshiftClusterParameterGroup': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Route53DomainsDomainSummary': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Route53HostedZone': (
        ('location', 'azure-location'),
        ('properties.awsProperties.vpCs[].vpcRegion', 'aws-region'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Route53ResourceRecordSet': (
        ('location', 'azure-location'),
        ('properties.awsProperties.cidrRoutingConfig.locationName', 'aws-region'),
        ('properties.awsProperties.geoProximityLocation.awsRegion', 'aws-region'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:S3AccessControlPolicy': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:S3AccessPoint': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:S3Bucket': (
        ('location', 'azure-location'),
        ('properties.awsProperties.replicationConfiguration.destinations[].region', 'aws-region'),
        ('properties.awsProperties.replicationConfiguration.rules[].destination.region', 'aws-region'),
        ('properties.awsProperties.replicationConfiguration.rules[].id', 'remote'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:S3BucketPolicy': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:S3ControlMultiRegionAccessPointPolicyDocument': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:SageMakerApp': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:SageMakerNotebookInstanceSummary': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:SecretsManagerResourcePolicy': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:SecretsManagerSecret': (
        ('location', 'azure-location'),
        ('properties.awsProperties.replicaRegions[].region', 'aws-region'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:SnsSubscription': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:SnsTopic': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:SqsQueue': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:SsmInstanceInformation': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:SsmParameter': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:SsmResourceComplianceSummaryItem': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:WafWebAclSummary': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:awsconnector:Wafv2LoggingConfiguration': (
        ('location', 'azure-location'),
        ('properties.awsRegion', 'aws-region'),
    ),
    'azure-native:azureactivedirectory:B2CTenant': (
        ('location', 'azure-location'),
    ),
    'azure-native:azureactivedirectory:CIAMTenant': (
        ('location', 'azure-location'),
    ),
    'azure-native:azureactivedirectory:GuestUsage': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurearcdata:DataController': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurearcdata:PostgresInstance': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurearcdata:SqlManagedInstance': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurearcdata:SqlServerAvailabilityGroup': (
        ('location', 'azure-location'),
        ('properties.replicas.value[].replicaResourceId', 'remote'),
    ),
    'azure-native:azurearcdata:SqlServerDatabase': (
        ('location', 'azure-location'),
        ('properties.sourceDatabaseId', 'remote'),
    ),
    'azure-native:azurearcdata:SqlServerEsuLicense': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurearcdata:SqlServerInstance': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurearcdata:SqlServerLicense': (
        ('location', 'azure-location'),
    ),
    'azure-native:azuredata:SqlServerRegistration': (
        ('location', 'azure-location'),
    ),
    'azure-native:azuredatatransfer:Connection': (
        ('location', 'azure-location'),
    ),
    'azure-native:azuredatatransfer:Flow': (
        ('location', 'azure-location'),
        ('properties.connection.location', 'azure-location'),
    ),
    'azure-native:azuredatatransfer:FlowProfile': (
        ('location', 'azure-location'),
    ),
    'azure-native:azuredatatransfer:Pipeline': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurefleet:Fleet': (
        ('additionalLocationsProfile.locationProfiles[].location', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:azurelargeinstance:AzureLargeInstance': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurelargeinstance:AzureLargeStorageInstance': (
        ('location', 'azure-location'),
    ),
    'azure-native:azureplaywrightservice:Account': (
        ('location', 'azure-location'),
    ),
    'azure-native:azureresiliencemanagement:Drill': (
        ('properties.chaosExperimentProperties.region', 'azure-location'),
        ('properties.drillAssetProperties.region', 'azure-location'),
    ),
    'azure-native:azureresiliencemanagement:UsagePlan': (
        ('location', 'azure-location'),
    ),
    'azure-native:azuresphere:Catalog': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurestack:LinkedSubscription': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurestack:Registration': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurestackhci:Cluster': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurestackhci:DeploymentSetting': (
        ('deploymentConfiguration.scaleUnits[].deploymentData.optionalServices.customLocation', 'azure-location'),
    ),
    'azure-native:azurestackhci:DevicePool': (
        ('location', 'azure-location'),
        ('properties.customLocationName', 'azure-location'),
    ),
    'azure-native:azurestackhci:EdgeMachine': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurestackhci:GalleryImage': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurestackhci:LoadBalancer': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurestackhci:LogicalNetwork': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurestackhci:MachineExtension': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurestackhci:MarketplaceGalleryImage': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurestackhci:NatGateway': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurestackhci:NetworkInterface': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurestackhci:NetworkSecurityGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurestackhci:PublicIPAddress': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurestackhci:Snapshot': (
        ('location', 'azure-location'),
        ('properties.creationData.sourceResourceId', 'remote'),
    ),
    'azure-native:azurestackhci:StorageContainer': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurestackhci:Update': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurestackhci:UpdateRun': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurestackhci:UpdateSummary': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurestackhci:VirtualHardDisk': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurestackhci:VirtualMachine': (
        ('location', 'azure-location'),
    ),
    'azure-native:azurestackhci:VirtualNetwork': (
        ('location', 'azure-location'),
    ),
    'azure-native:baremetalinfrastructure:AzureBareMetalInstance': (
        ('location', 'azure-location'),
    ),
    'azure-native:baremetalinfrastructure:AzureBareMetalStorageInstance': (
        ('location', 'azure-location'),
    ),
    'azure-native:batch:BatchAccount': (
        ('location', 'azure-location'),
    ),
    'azure-native:billing:BillingProfile': (
        ('properties.billTo.region', 'azure-location'),
        ('properties.shipTo.region', 'azure-location'),
        ('properties.soldTo.region', 'azure-location'),
    ),
    'azure-native:billingbenefits:ConditionalCredit': (
        ('location', 'azure-location'),
    ),
    'azure-native:billingbenefits:Credit': (
        ('location', 'azure-location'),
    ),
    'azure-native:billingbenefits:Discount': (
        ('location', 'azure-location'),
    ),
    'azure-native:billingbenefits:FreeService': (
        ('location', 'azure-location'),
    ),
    'azure-native:billingbenefits:Macc': (
        ('location', 'azure-location'),
    ),
    'azure-native:billingbenefits:Source': (
        ('location', 'azure-location'),
        ('sourceResourceId', 'remote'),
    ),
    'azure-native:blueprint:Assignment': (
        ('location', 'azure-location'),
    ),
    'azure-native:botservice:Bot': (
        ('location', 'azure-location'),
    ),
    'azure-native:botservice:BotConnection': (
        ('location', 'azure-location'),
    ),
    'azure-native:botservice:Channel': (
        ('location', 'azure-location'),
        ('properties.location', 'azure-location'),
    ),
    'azure-native:cdn:AFDEndpoint': (
        ('location', 'azure-location'),
    ),
    'azure-native:cdn:AFDOrigin': (
        ('sharedPrivateLinkResource.privateLinkLocation', 'azure-location'),
    ),
    'azure-native:cdn:EdgeAction': (
        ('location', 'azure-location'),
    ),
    'azure-native:cdn:EdgeActionExecutionFilter': (
        ('location', 'azure-location'),
    ),
    'azure-native:cdn:EdgeActionVersion': (
        ('location', 'azure-location'),
    ),
    'azure-native:cdn:Endpoint': (
        ('location', 'azure-location'),
        ('origins[].privateLinkLocation', 'azure-location'),
    ),
    'azure-native:cdn:Origin': (
        ('privateLinkLocation', 'azure-location'),
    ),
    'azure-native:cdn:Policy': (
        ('location', 'azure-location'),
    ),
    'azure-native:cdn:Profile': (
        ('location', 'azure-location'),
    ),
    'azure-native:cdn:WebAgent': (
        ('location', 'azure-location'),
    ),
    'azure-native:certificateregistration:AppServiceCertificateOrder': (
        ('location', 'azure-location'),
    ),
    'azure-native:certificateregistration:AppServiceCertificateOrderCertificate': (
        ('location', 'azure-location'),
    ),
    'azure-native:chaos:Experiment': (
        ('location', 'azure-location'),
    ),
    'azure-native:chaos:PrivateAccess': (
        ('location', 'azure-location'),
    ),
    'azure-native:chaos:Target': (
        ('location', 'azure-location'),
    ),
    'azure-native:cloudhealth:HealthModel': (
        ('location', 'azure-location'),
    ),
    'azure-native:cloudngfw:Firewall': (
        ('associatedRulestack.location', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:cloudngfw:GlobalRulestack': (
        ('location', 'azure-location'),
        ('panLocation', 'azure-location'),
    ),
    'azure-native:cloudngfw:LocalRulestack': (
        ('location', 'azure-location'),
        ('panLocation', 'azure-location'),
    ),
    'azure-native:codesigning:CodeSigningAccount': (
        ('location', 'azure-location'),
    ),
    'azure-native:cognitiveservices:Account': (
        ('location', 'azure-location'),
    ),
    'azure-native:cognitiveservices:CommitmentPlan': (
        ('location', 'azure-location'),
    ),
    'azure-native:cognitiveservices:PrivateEndpointConnection': (
        ('location', 'azure-location'),
    ),
    'azure-native:cognitiveservices:Project': (
        ('location', 'azure-location'),
    ),
    'azure-native:cognitiveservices:SharedCommitmentPlan': (
        ('location', 'azure-location'),
    ),
    'azure-native:communication:CommunicationService': (
        ('dataLocation', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:communication:Domain': (
        ('location', 'azure-location'),
    ),
    'azure-native:communication:EmailService': (
        ('dataLocation', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:community:CommunityTraining': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:AvailabilitySet': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:CapacityReservation': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:CapacityReservationGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:DedicatedHost': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:DedicatedHostGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:Disk': (
        ('creationData.sourceResourceId', 'remote'),
        ('location', 'azure-location'),
    ),
    'azure-native:compute:DiskAccess': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:DiskEncryptionSet': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:Gallery': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:GalleryApplication': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:GalleryApplicationVersion': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:GalleryImage': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:GalleryImageVersion': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:GalleryInVMAccessControlProfile': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:GalleryInVMAccessControlProfileVersion': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:GalleryScript': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:GalleryScriptVersion': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:Image': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:ProximityPlacementGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:RestorePointCollection': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:Snapshot': (
        ('creationData.sourceResourceId', 'remote'),
        ('location', 'azure-location'),
    ),
    'azure-native:compute:SshPublicKey': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:VirtualMachine': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:VirtualMachineExtension': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:VirtualMachineRunCommandByVirtualMachine': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:VirtualMachineScaleSet': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:VirtualMachineScaleSetVM': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:VirtualMachineScaleSetVMExtension': (
        ('location', 'azure-location'),
    ),
    'azure-native:compute:VirtualMachineScaleSetVMRunCommand': (
        ('location', 'azure-location'),
    ),
    'azure-native:computebulkactions:BulkAction': (
        ('location', 'azure-location'),
    ),
    'azure-native:computelimit:GuestSubscription': (
        ('location', 'azure-location'),
    ),
    'azure-native:computelimit:SharedLimit': (
        ('location', 'azure-location'),
    ),
    'azure-native:computeschedule:ScheduledAction': (
        ('location', 'azure-location'),
    ),
    'azure-native:confidentialledger:Ledger': (
        ('location', 'azure-location'),
    ),
    'azure-native:confidentialledger:ManagedCCF': (
        ('location', 'azure-location'),
    ),
    'azure-native:confluent:Organization': (
        ('location', 'azure-location'),
    ),
    'azure-native:confluent:OrganizationClusterById': (
        ('spec.region', 'azure-location'),
    ),
    'azure-native:connectedcache:CacheNodesOperation': (
        ('location', 'azure-location'),
    ),
    'azure-native:connectedcache:EnterpriseCustomerOperation': (
        ('location', 'azure-location'),
    ),
    'azure-native:connectedcache:EnterpriseMccCacheNodesOperation': (
        ('location', 'azure-location'),
    ),
    'azure-native:connectedcache:EnterpriseMccCustomer': (
        ('location', 'azure-location'),
    ),
    'azure-native:connectedcache:IspCacheNodesOperation': (
        ('location', 'azure-location'),
    ),
    'azure-native:connectedcache:IspCustomer': (
        ('location', 'azure-location'),
    ),
    'azure-native:connectedvmwarevsphere:Cluster': (
        ('location', 'azure-location'),
    ),
    'azure-native:connectedvmwarevsphere:Datastore': (
        ('location', 'azure-location'),
    ),
    'azure-native:connectedvmwarevsphere:Host': (
        ('location', 'azure-location'),
    ),
    'azure-native:connectedvmwarevsphere:MachineExtension': (
        ('location', 'azure-location'),
    ),
    'azure-native:connectedvmwarevsphere:ResourcePool': (
        ('location', 'azure-location'),
    ),
    'azure-native:connectedvmwarevsphere:VCenter': (
        ('location', 'azure-location'),
    ),
    'azure-native:connectedvmwarevsphere:VirtualMachine': (
        ('location', 'azure-location'),
    ),
    'azure-native:connectedvmwarevsphere:VirtualMachineTemplate': (
        ('location', 'azure-location'),
    ),
    'azure-native:connectedvmwarevsphere:VirtualNetwork': (
        ('location', 'azure-location'),
    ),
    'azure-native:containerinstance:CGProfile': (
        ('location', 'azure-location'),
    ),
    'azure-native:containerinstance:ContainerGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:containerinstance:ContainerGroupProfile': (
        ('location', 'azure-location'),
    ),
    'azure-native:containerinstance:NGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:containerregistry:AgentPool': (
        ('location', 'azure-location'),
    ),
    'azure-native:containerregistry:ExportPipeline': (
        ('location', 'azure-location'),
    ),
    'azure-native:containerregistry:ImportPipeline': (
        ('location', 'azure-location'),
    ),
    'azure-native:containerregistry:Registry': (
        ('location', 'azure-location'),
    ),
    'azure-native:containerregistry:Replication': (
        ('location', 'azure-location'),
    ),
    'azure-native:containerregistry:Task': (
        ('location', 'azure-location'),
    ),
    'azure-native:containerregistry:TaskRun': (
        ('location', 'azure-location'),
    ),
    'azure-native:containerregistry:Webhook': (
        ('location', 'azure-location'),
    ),
    'azure-native:containerservice:AgentPool': (
        ('creationData.sourceResourceId', 'remote'),
    ),
    'azure-native:containerservice:Fleet': (
        ('location', 'azure-location'),
    ),
    'azure-native:containerservice:FleetManagedNamespace': (
        ('location', 'azure-location'),
    ),
    'azure-native:containerservice:ManagedCluster': (
        ('agentPoolProfiles[].creationData.sourceResourceId', 'remote'),
        ('location', 'azure-location'),
    ),
    'azure-native:containerservice:ManagedClusterSnapshot': (
        ('creationData.sourceResourceId', 'remote'),
        ('location', 'azure-location'),
    ),
    'azure-native:containerservice:ManagedNamespace': (
        ('location', 'azure-location'),
    ),
    'azure-native:containerservice:Namespace': (
        ('location', 'azure-location'),
    ),
    'azure-native:containerservice:Snapshot': (
        ('creationData.sourceResourceId', 'remote'),
        ('location', 'azure-location'),
    ),
    'azure-native:containerservice:TrustedAccessRoleBinding': (
        ('sourceResourceId', 'remote'),
    ),
    'azure-native:containerstorage:Pool': (
        ('location', 'azure-location'),
    ),
    'azure-native:contoso:Employee': (
        ('location', 'azure-location'),
    ),
    'azure-native:cosmosdb:CassandraCluster': (
        ('location', 'azure-location'),
    ),
    'azure-native:cosmosdb:CassandraDataCenter': (
        ('properties.dataCenterLocation', 'azure-location'),
    ),
    'azure-native:cosmosdb:CassandraResourceCassandraKeyspace': (
        ('location', 'azure-location'),
    ),
    'azure-native:cosmosdb:CassandraResourceCassandraTable': (
        ('location', 'azure-location'),
    ),
    'azure-native:cosmosdb:CassandraResourceCassandraView': (
        ('location', 'azure-location'),
    ),
    'azure-native:cosmosdb:DatabaseAccount': (
        ('location', 'azure-location'),
        ('locations[].locationName', 'azure-location'),
        ('restoreParameters.sourceBackupLocation', 'azure-location'),
    ),
    'azure-native:cosmosdb:Fleet': (
        ('location', 'azure-location'),
    ),
    'azure-native:cosmosdb:Fleetspace': (
        ('dataRegions', 'azure-location'),
    ),
    'azure-native:cosmosdb:FleetspaceAccount': (
        ('globalDatabaseAccountProperties.armLocation', 'azure-location'),
    ),
    'azure-native:cosmosdb:GarnetCluster': (
        ('location', 'azure-location'),
    ),
    'azure-native:cosmosdb:GraphResourceGraph': (
        ('location', 'azure-location'),
    ),
    'azure-native:cosmosdb:GremlinResourceGremlinDatabase': (
        ('location', 'azure-location'),
    ),
    'azure-native:cosmosdb:GremlinResourceGremlinGraph': (
        ('location', 'azure-location'),
    ),
    'azure-native:cosmosdb:MongoCluster': (
        ('location', 'azure-location'),
        ('restoreParameters.sourceResourceId', 'remote'),
    ),
    'azure-native:cosmosdb:MongoDBResourceMongoDBCollection': (
        ('location', 'azure-location'),
    ),
    'azure-native:cosmosdb:MongoDBResourceMongoDBDatabase': (
        ('location', 'azure-location'),
    ),
    'azure-native:cosmosdb:SqlResourceSqlContainer': (
        ('location', 'azure-location'),
    ),
    'azure-native:cosmosdb:SqlResourceSqlDatabase': (
        ('location', 'azure-location'),
    ),
    'azure-native:cosmosdb:SqlResourceSqlStoredProcedure': (
        ('location', 'azure-location'),
    ),
    'azure-native:cosmosdb:SqlResourceSqlTrigger': (
        ('location', 'azure-location'),
    ),
    'azure-native:cosmosdb:SqlResourceSqlUserDefinedFunction': (
        ('location', 'azure-location'),
    ),
    'azure-native:cosmosdb:TableResourceTable': (
        ('location', 'azure-location'),
    ),
    'azure-native:cosmosdb:ThroughputPool': (
        ('location', 'azure-location'),
    ),
    'azure-native:cosmosdb:ThroughputPoolAccount': (
        ('accountLocation', 'azure-location'),
    ),
    'azure-native:costmanagement:Connector': (
        ('location', 'azure-location'),
    ),
    'azure-native:costmanagement:Export': (
        ('deliveryInfo.destination.resourceId', 'remote'),
        ('deliveryInfo.destination.storageAccount', 'remote'),
        ('location', 'azure-location'),
    ),
    'azure-native:costmanagement:Report': (
        ('deliveryInfo.destination.resourceId', 'remote'),
    ),
    'azure-native:costmanagement:ReportByBillingAccount': (
        ('deliveryInfo.destination.resourceId', 'remote'),
    ),
    'azure-native:costmanagement:ReportByDepartment': (
        ('deliveryInfo.destination.resourceId', 'remote'),
    ),
    'azure-native:costmanagement:ReportByResourceGroupName': (
        ('deliveryInfo.destination.resourceId', 'remote'),
    ),
    'azure-native:customerinsights:Hub': (
        ('location', 'azure-location'),
    ),
    'azure-native:customproviders:CustomResourceProvider': (
        ('location', 'azure-location'),
    ),
    'azure-native:dashboard:Dashboard': (
        ('location', 'azure-location'),
    ),
    'azure-native:dashboard:Grafana': (
        ('location', 'azure-location'),
    ),
    'azure-native:dashboard:IntegrationFabric': (
        ('location', 'azure-location'),
    ),
    'azure-native:dashboard:ManagedPrivateEndpoint': (
        ('location', 'azure-location'),
        ('privateLinkResourceRegion', 'azure-location'),
    ),
    'azure-native:databasefleetmanager:Fleet': (
        ('location', 'azure-location'),
    ),
    'azure-native:databasewatcher:Watcher': (
        ('location', 'azure-location'),
    ),
    'azure-native:databox:Job': (
        ('details.preferences.preferredDataCenterRegion', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:databoxedge:ArcAddon': (
        ('resourceLocation', 'azure-location'),
    ),
    'azure-native:databoxedge:Device': (
        ('location', 'azure-location'),
    ),
    'azure-native:databricks:AccessConnector': (
        ('location', 'azure-location'),
    ),
    'azure-native:databricks:VNetPeering': (
        ('remoteVirtualNetwork.id', 'remote'),
    ),
    'azure-native:databricks:Workspace': (
        ('location', 'azure-location'),
    ),
    'azure-native:datacatalog:ADCCatalog': (
        ('location', 'azure-location'),
    ),
    'azure-native:datadog:Monitor': (
        ('location', 'azure-location'),
    ),
    'azure-native:datafactory:Factory': (
        ('location', 'azure-location'),
    ),
    'azure-native:datafactory:IntegrationRuntime': (
        ('properties.computeProperties.location', 'azure-location'),
    ),
    'azure-native:datalakeanalytics:Account': (
        ('location', 'azure-location'),
    ),
    'azure-native:datalakestore:Account': (
        ('location', 'azure-location'),
    ),
    'azure-native:datamigration:MigrationService': (
        ('location', 'azure-location'),
    ),
    'azure-native:datamigration:Project': (
        ('location', 'azure-location'),
    ),
    'azure-native:datamigration:Service': (
        ('location', 'azure-location'),
    ),
    'azure-native:datamigration:SqlMigrationService': (
        ('location', 'azure-location'),
    ),
    'azure-native:dataprotection:BackupInstance': (
        ('properties.dataSourceInfo.resourceLocation', 'azure-location'),
        ('properties.dataSourceSetInfo.resourceLocation', 'azure-location'),
    ),
    'azure-native:dataprotection:BackupVault': (
        ('location', 'azure-location'),
        ('properties.replicatedRegions', 'azure-location'),
    ),
    'azure-native:dataprotection:ResourceGuard': (
        ('location', 'azure-location'),
    ),
    'azure-native:datareplication:Fabric': (
        ('location', 'azure-location'),
    ),
    'azure-native:datareplication:ProtectedItem': (
        ('properties.customProperties.customLocationRegion', 'azure-location'),
    ),
    'azure-native:datareplication:Vault': (
        ('location', 'azure-location'),
    ),
    'azure-native:datashare:Account': (
        ('location', 'azure-location'),
    ),
    'azure-native:datashare:ShareSubscription': (
        ('sourceShareLocation', 'azure-location'),
    ),
    'azure-native:dbformariadb:Server': (
        ('location', 'azure-location'),
    ),
    'azure-native:dbformysql:Server': (
        ('location', 'azure-location'),
        ('sourceServerResourceId', 'remote'),
    ),
    'azure-native:dbformysql:SingleServer': (
        ('location', 'azure-location'),
    ),
    'azure-native:dbforpostgresql:Migration': (
        ('location', 'azure-location'),
        ('sourceDbServerResourceId', 'remote'),
    ),
    'azure-native:dbforpostgresql:Server': (
        ('location', 'azure-location'),
        ('sourceServerResourceId', 'remote'),
    ),
    'azure-native:dbforpostgresql:ServerGroupCluster': (
        ('location', 'azure-location'),
        ('sourceResourceId', 'remote'),
    ),
    'azure-native:dbforpostgresql:SingleServer': (
        ('location', 'azure-location'),
    ),
    'azure-native:delegatednetwork:ControllerDetails': (
        ('location', 'azure-location'),
    ),
    'azure-native:delegatednetwork:DelegatedSubnetServiceDetails': (
        ('location', 'azure-location'),
    ),
    'azure-native:delegatednetwork:OrchestratorInstanceServiceDetails': (
        ('location', 'azure-location'),
    ),
    'azure-native:dependencymap:DiscoverySource': (
        ('location', 'azure-location'),
    ),
    'azure-native:dependencymap:Map': (
        ('location', 'azure-location'),
    ),
    'azure-native:desktopvirtualization:AppAttachPackage': (
        ('location', 'azure-location'),
    ),
    'azure-native:desktopvirtualization:ApplicationGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:desktopvirtualization:HostPool': (
        ('location', 'azure-location'),
    ),
    'azure-native:desktopvirtualization:ScalingPlan': (
        ('location', 'azure-location'),
    ),
    'azure-native:desktopvirtualization:Workspace': (
        ('location', 'azure-location'),
    ),
    'azure-native:devcenter:DevBoxDefinition': (
        ('location', 'azure-location'),
    ),
    'azure-native:devcenter:DevCenter': (
        ('location', 'azure-location'),
    ),
    'azure-native:devcenter:EncryptionSet': (
        ('location', 'azure-location'),
    ),
    'azure-native:devcenter:NetworkConnection': (
        ('location', 'azure-location'),
    ),
    'azure-native:devcenter:Plan': (
        ('location', 'azure-location'),
    ),
    'azure-native:devcenter:Pool': (
        ('location', 'azure-location'),
        ('managedVirtualNetworkRegions', 'azure-location'),
    ),
    'azure-native:devcenter:Project': (
        ('location', 'azure-location'),
    ),
    'azure-native:devcenter:ProjectEnvironmentType': (
        ('location', 'azure-location'),
    ),
    'azure-native:devcenter:Schedule': (
        ('location', 'azure-location'),
    ),
    'azure-native:devhub:IacProfile': (
        ('location', 'azure-location'),
        ('templates[].sourceResourceId', 'remote'),
    ),
    'azure-native:devhub:Workflow': (
        ('location', 'azure-location'),
    ),
    'azure-native:deviceprovisioningservices:IotDpsResource': (
        ('location', 'azure-location'),
        ('properties.iotHubs[].location', 'azure-location'),
    ),
    'azure-native:deviceregistry:Asset': (
        ('location', 'azure-location'),
    ),
    'azure-native:deviceregistry:AssetEndpointProfile': (
        ('location', 'azure-location'),
    ),
    'azure-native:deviceregistry:Credential': (
        ('location', 'azure-location'),
    ),
    'azure-native:deviceregistry:DiscoveredAsset': (
        ('location', 'azure-location'),
    ),
    'azure-native:deviceregistry:DiscoveredAssetEndpointProfile': (
        ('location', 'azure-location'),
    ),
    'azure-native:deviceregistry:Namespace': (
        ('location', 'azure-location'),
    ),
    'azure-native:deviceregistry:NamespaceAsset': (
        ('location', 'azure-location'),
    ),
    'azure-native:deviceregistry:NamespaceDevice': (
        ('location', 'azure-location'),
    ),
    'azure-native:deviceregistry:NamespaceDiscoveredAsset': (
        ('location', 'azure-location'),
    ),
    'azure-native:deviceregistry:NamespaceDiscoveredDevice': (
        ('location', 'azure-location'),
    ),
    'azure-native:deviceregistry:Policy': (
        ('location', 'azure-location'),
    ),
    'azure-native:deviceregistry:SchemaRegistry': (
        ('location', 'azure-location'),
    ),
    'azure-native:deviceupdate:Account': (
        ('location', 'azure-location'),
    ),
    'azure-native:deviceupdate:Instance': (
        ('location', 'azure-location'),
    ),
    'azure-native:deviceupdate:PrivateEndpointConnectionProxy': (
        ('remotePrivateEndpoint.id', 'remote'),
        ('remotePrivateEndpoint.immutableResourceId', 'remote'),
        ('remotePrivateEndpoint.location', 'azure-location'),
        ('remotePrivateEndpoint.privateLinkServiceProxies[].groupConnectivityInformation[].privateLinkServiceArmRegion', 'azure-location'),
        ('remotePrivateEndpoint.privateLinkServiceProxies[].id', 'remote'),
    ),
    'azure-native:devopsinfrastructure:Pool': (
        ('location', 'azure-location'),
    ),
    'azure-native:devspaces:Controller': (
        ('location', 'azure-location'),
    ),
    'azure-native:devtestlab:ArtifactSource': (
        ('location', 'azure-location'),
    ),
    'azure-native:devtestlab:CustomImage': (
        ('location', 'azure-location'),
    ),
    'azure-native:devtestlab:Disk': (
        ('location', 'azure-location'),
    ),
    'azure-native:devtestlab:Environment': (
        ('location', 'azure-location'),
    ),
    'azure-native:devtestlab:Formula': (
        ('formulaContent.location', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:devtestlab:GlobalSchedule': (
        ('location', 'azure-location'),
    ),
    'azure-native:devtestlab:Lab': (
        ('location', 'azure-location'),
    ),
    'azure-native:devtestlab:NotificationChannel': (
        ('location', 'azure-location'),
    ),
    'azure-native:devtestlab:Policy': (
        ('location', 'azure-location'),
    ),
    'azure-native:devtestlab:Schedule': (
        ('location', 'azure-location'),
    ),
    'azure-native:devtestlab:Secret': (
        ('location', 'azure-location'),
    ),
    'azure-native:devtestlab:ServiceFabric': (
        ('location', 'azure-location'),
    ),
    'azure-native:devtestlab:ServiceFabricSchedule': (
        ('location', 'azure-location'),
    ),
    'azure-native:devtestlab:ServiceRunner': (
        ('location', 'azure-location'),
    ),
    'azure-native:devtestlab:User': (
        ('location', 'azure-location'),
    ),
    'azure-native:devtestlab:VirtualMachine': (
        ('location', 'azure-location'),
    ),
    'azure-native:devtestlab:VirtualMachineSchedule': (
        ('location', 'azure-location'),
    ),
    'azure-native:devtestlab:VirtualNetwork': (
        ('location', 'azure-location'),
    ),
    'azure-native:digitaltwins:DigitalTwin': (
        ('location', 'azure-location'),
    ),
    'azure-native:discovery:Bookshelf': (
        ('location', 'azure-location'),
    ),
    'azure-native:discovery:ChatModelDeployment': (
        ('location', 'azure-location'),
    ),
    'azure-native:discovery:NodePool': (
        ('location', 'azure-location'),
    ),
    'azure-native:discovery:Project': (
        ('location', 'azure-location'),
    ),
    'azure-native:discovery:StorageAsset': (
        ('location', 'azure-location'),
    ),
    'azure-native:discovery:StorageContainer': (
        ('location', 'azure-location'),
    ),
    'azure-native:discovery:Supercomputer': (
        ('location', 'azure-location'),
    ),
    'azure-native:discovery:Tool': (
        ('location', 'azure-location'),
    ),
    'azure-native:discovery:Workspace': (
        ('location', 'azure-location'),
    ),
    'azure-native:dns:Zone': (
        ('location', 'azure-location'),
    ),
    'azure-native:dnsresolver:DnsForwardingRuleset': (
        ('location', 'azure-location'),
    ),
    'azure-native:dnsresolver:DnsResolver': (
        ('location', 'azure-location'),
    ),
    'azure-native:dnsresolver:DnsResolverDomainList': (
        ('location', 'azure-location'),
    ),
    'azure-native:dnsresolver:DnsResolverPolicy': (
        ('location', 'azure-location'),
    ),
    'azure-native:dnsresolver:DnsResolverPolicyVirtualNetworkLink': (
        ('location', 'azure-location'),
    ),
    'azure-native:dnsresolver:DnsSecurityRule': (
        ('location', 'azure-location'),
    ),
    'azure-native:dnsresolver:InboundEndpoint': (
        ('location', 'azure-location'),
    ),
    'azure-native:dnsresolver:OutboundEndpoint': (
        ('location', 'azure-location'),
    ),
    'azure-native:domainregistration:Domain': (
        ('location', 'azure-location'),
    ),
    'azure-native:durabletask:Scheduler': (
        ('location', 'azure-location'),
    ),
    'azure-native:dynamics365fraudprotection:InstanceDetails': (
        ('location', 'azure-location'),
    ),
    'azure-native:easm:Workspace': (
        ('location', 'azure-location'),
    ),
    'azure-native:edge:ConfigTemplate': (
        ('location', 'azure-location'),
    ),
    'azure-native:edge:Configuration': (
        ('location', 'azure-location'),
    ),
    'azure-native:edge:Context': (
        ('location', 'azure-location'),
    ),
    'azure-native:edge:Diagnostic': (
        ('location', 'azure-location'),
    ),
    'azure-native:edge:Schema': (
        ('location', 'azure-location'),
    ),
    'azure-native:edge:SolutionTemplate': (
        ('location', 'azure-location'),
    ),
    'azure-native:edge:Target': (
        ('location', 'azure-location'),
    ),
    'azure-native:edge:WorkflowV2': (
        ('location', 'azure-location'),
    ),
    'azure-native:edgeorder:Address': (
        ('location', 'azure-location'),
    ),
    'azure-native:edgeorder:OrderItem': (
        ('location', 'azure-location'),
    ),
    'azure-native:elastic:Monitor': (
        ('location', 'azure-location'),
    ),
    'azure-native:elasticsan:ElasticSan': (
        ('location', 'azure-location'),
    ),
    'azure-native:engagementfabric:Account': (
        ('location', 'azure-location'),
    ),
    'azure-native:enterpriseknowledgegraph:EnterpriseKnowledgeGraph': (
        ('location', 'azure-location'),
    ),
    'azure-native:eventgrid:Domain': (
        ('location', 'azure-location'),
    ),
    'azure-native:eventgrid:DomainEventSubscription': (
        ('deliveryWithResourceIdentity.destination.resourceId', 'remote'),
        ('destination.resourceId', 'remote'),
    ),
    'azure-native:eventgrid:DomainTopicEventSubscription': (
        ('deliveryWithResourceIdentity.destination.resourceId', 'remote'),
        ('destination.resourceId', 'remote'),
    ),
    'azure-native:eventgrid:EventSubscription': (
        ('deliveryWithResourceIdentity.destination.resourceId', 'remote'),
        ('destination.resourceId', 'remote'),
    ),
    'azure-native:eventgrid:Namespace': (
        ('location', 'azure-location'),
    ),
    'azure-native:eventgrid:NamespaceTopicEventSubscription': (
        ('deliveryConfiguration.push.deliveryWithResourceIdentity.destination.resourceId', 'remote'),
        ('deliveryConfiguration.push.destination.resourceId', 'remote'),
    ),
    'azure-native:eventgrid:PartnerConfiguration': (
        ('location', 'azure-location'),
    ),
    'azure-native:eventgrid:PartnerDestination': (
        ('location', 'azure-location'),
    ),
    'azure-native:eventgrid:PartnerNamespace': (
        ('location', 'azure-location'),
    ),
    'azure-native:eventgrid:PartnerRegistration': (
        ('location', 'azure-location'),
    ),
    'azure-native:eventgrid:PartnerTopic': (
        ('location', 'azure-location'),
    ),
    'azure-native:eventgrid:PartnerTopicEventSubscription': (
        ('deliveryWithResourceIdentity.destination.resourceId', 'remote'),
        ('destination.resourceId', 'remote'),
    ),
    'azure-native:eventgrid:SystemTopic': (
        ('location', 'azure-location'),
    ),
    'azure-native:eventgrid:SystemTopicEventSubscription': (
        ('deliveryWithResourceIdentity.destination.resourceId', 'remote'),
        ('destination.resourceId', 'remote'),
    ),
    'azure-native:eventgrid:Topic': (
        ('location', 'azure-location'),
    ),
    'azure-native:eventgrid:TopicEventSubscription': (
        ('deliveryWithResourceIdentity.destination.resourceId', 'remote'),
        ('destination.resourceId', 'remote'),
    ),
    'azure-native:eventhub:Cluster': (
        ('location', 'azure-location'),
    ),
    'azure-native:eventhub:DisasterRecoveryConfig': (
        ('partnerNamespace', 'remote'),
    ),
    'azure-native:eventhub:EventHub': (
        ('captureDescription.destination.storageAccountResourceId', 'remote'),
    ),
    'azure-native:eventhub:Namespace': (
        ('location', 'azure-location'),
    ),
    'azure-native:extendedlocation:CustomLocation': (
        ('location', 'azure-location'),
    ),
    'azure-native:extendedlocation:ResourceSyncRule': (
        ('location', 'azure-location'),
    ),
    'azure-native:fabric:FabricCapacity': (
        ('location', 'azure-location'),
    ),
    'azure-native:fileshares:FileShare': (
        ('location', 'azure-location'),
    ),
    'azure-native:fluidrelay:FluidRelayServer': (
        ('location', 'azure-location'),
    ),
    'azure-native:frontdoor:Experiment': (
        ('location', 'azure-location'),
    ),
    'azure-native:frontdoor:FrontDoor': (
        ('backendPools[].backends[].privateLinkLocation', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:frontdoor:NetworkExperimentProfile': (
        ('location', 'azure-location'),
    ),
    'azure-native:frontdoor:Policy': (
        ('location', 'azure-location'),
    ),
    'azure-native:graphservices:Account': (
        ('location', 'azure-location'),
    ),
    'azure-native:guestconfiguration:GuestConfigurationAssignment': (
        ('location', 'azure-location'),
    ),
    'azure-native:guestconfiguration:GuestConfigurationAssignmentsVMSS': (
        ('location', 'azure-location'),
    ),
    'azure-native:guestconfiguration:GuestConfigurationConnectedVMwarevSphereAssignment': (
        ('location', 'azure-location'),
    ),
    'azure-native:guestconfiguration:GuestConfigurationHCRPAssignment': (
        ('location', 'azure-location'),
    ),
    'azure-native:hardwaresecuritymodules:CloudHsmCluster': (
        ('location', 'azure-location'),
    ),
    'azure-native:hardwaresecuritymodules:DedicatedHsm': (
        ('location', 'azure-location'),
    ),
    'azure-native:hdinsight:Application': (
        ('properties.sshEndpoints[].location', 'azure-location'),
    ),
    'azure-native:hdinsight:Cluster': (
        ('location', 'azure-location'),
    ),
    'azure-native:healthbot:Bot': (
        ('location', 'azure-location'),
    ),
    'azure-native:healthcareapis:AnalyticsConnector': (
        ('location', 'azure-location'),
    ),
    'azure-native:healthcareapis:DicomService': (
        ('location', 'azure-location'),
    ),
    'azure-native:healthcareapis:FhirService': (
        ('location', 'azure-location'),
    ),
    'azure-native:healthcareapis:IotConnector': (
        ('location', 'azure-location'),
    ),
    'azure-native:healthcareapis:IotConnectorFhirDestination': (
        ('location', 'azure-location'),
    ),
    'azure-native:healthcareapis:Service': (
        ('location', 'azure-location'),
    ),
    'azure-native:healthcareapis:Workspace': (
        ('location', 'azure-location'),
    ),
    'azure-native:healthdataaiservices:DeidService': (
        ('location', 'azure-location'),
    ),
    'azure-native:horizondb:HorizonDbCluster': (
        ('location', 'azure-location'),
        ('properties.sourceClusterResourceId', 'remote'),
    ),
    'azure-native:horizondb:HorizonDbParameterGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:hybridcloud:CloudConnection': (
        ('location', 'azure-location'),
        ('remoteResourceId', 'remote'),
    ),
    'azure-native:hybridcloud:CloudConnector': (
        ('location', 'azure-location'),
    ),
    'azure-native:hybridcompute:Gateway': (
        ('location', 'azure-location'),
    ),
    'azure-native:hybridcompute:License': (
        ('location', 'azure-location'),
    ),
    'azure-native:hybridcompute:LicenseProfile': (
        ('location', 'azure-location'),
    ),
    'azure-native:hybridcompute:Machine': (
        ('licenseProfile.esuProfile.assignedLicense.location', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:hybridcompute:MachineExtension': (
        ('location', 'azure-location'),
    ),
    'azure-native:hybridcompute:MachineRunCommand': (
        ('location', 'azure-location'),
    ),
    'azure-native:hybridcompute:PrivateLinkScope': (
        ('location', 'azure-location'),
    ),
    'azure-native:hybridcompute:PrivateLinkScopedResource': (
        ('linkedResourceId', 'remote'),
    ),
    'azure-native:hybridconnectivity:PublicCloudConnector': (
        ('location', 'azure-location'),
    ),
    'azure-native:hybridcontainerservice:VirtualNetworkRetrieve': (
        ('location', 'azure-location'),
        ('properties.infraVnetProfile.hci.mocLocation', 'azure-location'),
    ),
    'azure-native:hybridnetwork:ArtifactManifest': (
        ('location', 'azure-location'),
    ),
    'azure-native:hybridnetwork:ArtifactStore': (
        ('location', 'azure-location'),
        ('properties.managedResourceGroupConfiguration.location', 'azure-location'),
    ),
    'azure-native:hybridnetwork:ConfigurationGroupSchema': (
        ('location', 'azure-location'),
    ),
    'azure-native:hybridnetwork:ConfigurationGroupValue': (
        ('location', 'azure-location'),
    ),
    'azure-native:hybridnetwork:Device': (
        ('location', 'azure-location'),
    ),
    'azure-native:hybridnetwork:NetworkFunction': (
        ('location', 'azure-location'),
        ('properties.networkFunctionDefinitionOfferingLocation', 'azure-location'),
    ),
    'azure-native:hybridnetwork:NetworkFunctionDefinitionGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:hybridnetwork:NetworkFunctionDefinitionVersion': (
        ('location', 'azure-location'),
    ),
    'azure-native:hybridnetwork:NetworkServiceDesignGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:hybridnetwork:NetworkServiceDesignVersion': (
        ('location', 'azure-location'),
    ),
    'azure-native:hybridnetwork:Publisher': (
        ('location', 'azure-location'),
    ),
    'azure-native:hybridnetwork:Site': (
        ('location', 'azure-location'),
    ),
    'azure-native:hybridnetwork:SiteNetworkService': (
        ('location', 'azure-location'),
        ('properties.managedResourceGroupConfiguration.location', 'azure-location'),
    ),
    'azure-native:importexport:Job': (
        ('location', 'azure-location'),
    ),
    'azure-native:integrationspaces:Application': (
        ('location', 'azure-location'),
    ),
    'azure-native:integrationspaces:Space': (
        ('location', 'azure-location'),
    ),
    'azure-native:intune:AndroidMAMPolicyByName': (
        ('location', 'azure-location'),
    ),
    'azure-native:intune:IoMAMPolicyByName': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotcentral:App': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotfirmwaredefense:Workspace': (
        ('location', 'azure-location'),
    ),
    'azure-native:iothub:IotHubResource': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotoperations:Instance': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotoperationsdataprocessor:Dataset': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotoperationsdataprocessor:Instance': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotoperationsdataprocessor:Pipeline': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotoperationsmq:Broker': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotoperationsmq:BrokerAuthentication': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotoperationsmq:BrokerAuthorization': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotoperationsmq:BrokerListener': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotoperationsmq:DataLakeConnector': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotoperationsmq:DataLakeConnectorTopicMap': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotoperationsmq:DiagnosticService': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotoperationsmq:KafkaConnector': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotoperationsmq:KafkaConnectorTopicMap': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotoperationsmq:Mq': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotoperationsmq:MqttBridgeConnector': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotoperationsmq:MqttBridgeTopicMap': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotoperationsorchestrator:Instance': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotoperationsorchestrator:Solution': (
        ('location', 'azure-location'),
    ),
    'azure-native:iotoperationsorchestrator:Target': (
        ('location', 'azure-location'),
    ),
    'azure-native:keyvault:MHSMPrivateEndpointConnection': (
        ('location', 'azure-location'),
    ),
    'azure-native:keyvault:ManagedHsm': (
        ('location', 'azure-location'),
    ),
    'azure-native:keyvault:Vault': (
        ('location', 'azure-location'),
    ),
    'azure-native:kubernetes:ConnectedCluster': (
        ('location', 'azure-location'),
    ),
    'azure-native:kubernetesconfiguration:PrivateLinkScope': (
        ('location', 'azure-location'),
    ),
    'azure-native:kusto:AttachedDatabaseConfiguration': (
        ('location', 'azure-location'),
    ),
    'azure-native:kusto:Cluster': (
        ('location', 'azure-location'),
    ),
    'azure-native:kusto:CosmosDbDataConnection': (
        ('location', 'azure-location'),
    ),
    'azure-native:kusto:EventGridDataConnection': (
        ('location', 'azure-location'),
    ),
    'azure-native:kusto:EventHubConnection': (
        ('location', 'azure-location'),
    ),
    'azure-native:kusto:EventHubDataConnection': (
        ('location', 'azure-location'),
    ),
    'azure-native:kusto:IotHubDataConnection': (
        ('location', 'azure-location'),
    ),
    'azure-native:kusto:ManagedPrivateEndpoint': (
        ('privateLinkResourceRegion', 'azure-location'),
    ),
    'azure-native:kusto:ReadOnlyFollowingDatabase': (
        ('location', 'azure-location'),
    ),
    'azure-native:kusto:ReadWriteDatabase': (
        ('location', 'azure-location'),
    ),
    'azure-native:labservices:Lab': (
        ('location', 'azure-location'),
    ),
    'azure-native:labservices:LabPlan': (
        ('allowedRegions', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:loadtestservice:LoadTest': (
        ('location', 'azure-location'),
    ),
    'azure-native:loadtestservice:LoadTestMapping': (
        ('sourceResourceId', 'remote'),
    ),
    'azure-native:loadtestservice:LoadTestProfileMapping': (
        ('sourceResourceId', 'remote'),
    ),
    'azure-native:loadtestservice:PlaywrightWorkspace': (
        ('location', 'azure-location'),
    ),
    'azure-native:logic:IntegrationAccount': (
        ('location', 'azure-location'),
    ),
    'azure-native:logic:IntegrationAccountAgreement': (
        ('location', 'azure-location'),
    ),
    'azure-native:logic:IntegrationAccountAssembly': (
        ('location', 'azure-location'),
    ),
    'azure-native:logic:IntegrationAccountBatchConfiguration': (
        ('location', 'azure-location'),
    ),
    'azure-native:logic:IntegrationAccountCertificate': (
        ('location', 'azure-location'),
    ),
    'azure-native:logic:IntegrationAccountMap': (
        ('location', 'azure-location'),
    ),
    'azure-native:logic:IntegrationAccountPartner': (
        ('location', 'azure-location'),
    ),
    'azure-native:logic:IntegrationAccountSchema': (
        ('location', 'azure-location'),
    ),
    'azure-native:logic:IntegrationAccountSession': (
        ('location', 'azure-location'),
    ),
    'azure-native:logic:IntegrationServiceEnvironment': (
        ('location', 'azure-location'),
    ),
    'azure-native:logic:IntegrationServiceEnvironmentManagedApi': (
        ('location', 'azure-location'),
    ),
    'azure-native:logic:RosettaNetProcessConfiguration': (
        ('location', 'azure-location'),
    ),
    'azure-native:logic:Workflow': (
        ('location', 'azure-location'),
    ),
    'azure-native:m365securityandcompliance:PrivateLinkServicesForEDMUpload': (
        ('location', 'azure-location'),
    ),
    'azure-native:m365securityandcompliance:PrivateLinkServicesForM365ComplianceCenter': (
        ('location', 'azure-location'),
    ),
    'azure-native:m365securityandcompliance:PrivateLinkServicesForM365SecurityCenter': (
        ('location', 'azure-location'),
    ),
    'azure-native:m365securityandcompliance:PrivateLinkServicesForMIPPolicySync': (
        ('location', 'azure-location'),
    ),
    'azure-native:m365securityandcompliance:PrivateLinkServicesForO365ManagementActivityAPI': (
        ('location', 'azure-location'),
    ),
    'azure-native:m365securityandcompliance:PrivateLinkServicesForSCCPowershell': (
        ('location', 'azure-location'),
    ),
    'azure-native:machinelearning:Workspace': (
        ('location', 'azure-location'),
    ),
    'azure-native:machinelearningservices:BatchDeployment': (
        ('location', 'azure-location'),
    ),
    'azure-native:machinelearningservices:BatchEndpoint': (
        ('location', 'azure-location'),
    ),
    'azure-native:machinelearningservices:CapacityReservationGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:machinelearningservices:Compute': (
        ('location', 'azure-location'),
        ('properties.computeLocation', 'azure-location'),
    ),
    'azure-native:machinelearningservices:InferenceEndpoint': (
        ('location', 'azure-location'),
    ),
    'azure-native:machinelearningservices:InferenceGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:machinelearningservices:InferencePool': (
        ('location', 'azure-location'),
    ),
    'azure-native:machinelearningservices:LinkedService': (
        ('location', 'azure-location'),
        ('properties.linkedServiceResourceId', 'remote'),
    ),
    'azure-native:machinelearningservices:LinkedWorkspace': (
        ('properties.linkedWorkspaceResourceId', 'remote'),
    ),
    'azure-native:machinelearningservices:OnlineDeployment': (
        ('location', 'azure-location'),
    ),
    'azure-native:machinelearningservices:OnlineEndpoint': (
        ('location', 'azure-location'),
    ),
    'azure-native:machinelearningservices:PrivateEndpointConnection': (
        ('location', 'azure-location'),
    ),
    'azure-native:machinelearningservices:Registry': (
        ('location', 'azure-location'),
        ('regionDetails[].location', 'azure-location'),
        ('registryPrivateEndpointConnections[].location', 'azure-location'),
    ),
    'azure-native:machinelearningservices:ServerlessEndpoint': (
        ('location', 'azure-location'),
    ),
    'azure-native:machinelearningservices:Workspace': (
        ('location', 'azure-location'),
    ),
    'azure-native:maintenance:ConfigurationAssignment': (
        ('filter.locations', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:maintenance:ConfigurationAssignmentParent': (
        ('filter.locations', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:maintenance:ConfigurationAssignmentsForResourceGroup': (
        ('filter.locations', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:maintenance:ConfigurationAssignmentsForSubscription': (
        ('filter.locations', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:maintenance:MaintenanceConfiguration': (
        ('location', 'azure-location'),
    ),
    'azure-native:managedidentity:UserAssignedIdentity': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetwork:ManagedNetwork': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetwork:ManagedNetworkGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetwork:ManagedNetworkPeeringPolicy': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetwork:ScopeAssignment': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetworkfabric:AccessControlList': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetworkfabric:InternetGateway': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetworkfabric:InternetGatewayRule': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetworkfabric:IpCommunity': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetworkfabric:IpExtendedCommunity': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetworkfabric:IpPrefix': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetworkfabric:L2IsolationDomain': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetworkfabric:L3IsolationDomain': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetworkfabric:NeighborGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetworkfabric:NetworkBootstrapDevice': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetworkfabric:NetworkDevice': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetworkfabric:NetworkFabric': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetworkfabric:NetworkFabricController': (
        ('location', 'azure-location'),
        ('managedResourceGroupConfiguration.location', 'azure-location'),
    ),
    'azure-native:managednetworkfabric:NetworkMonitor': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetworkfabric:NetworkPacketBroker': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetworkfabric:NetworkRack': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetworkfabric:NetworkTap': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetworkfabric:NetworkTapRule': (
        ('location', 'azure-location'),
    ),
    'azure-native:managednetworkfabric:RoutePolicy': (
        ('location', 'azure-location'),
    ),
    'azure-native:manufacturingplatform:ManufacturingDataService': (
        ('location', 'azure-location'),
    ),
    'azure-native:maps:Account': (
        ('location', 'azure-location'),
        ('properties.linkedResources[].id', 'remote'),
        ('properties.locations[].locationName', 'azure-location'),
    ),
    'azure-native:maps:Creator': (
        ('location', 'azure-location'),
    ),
    'azure-native:maps:PrivateAtlase': (
        ('location', 'azure-location'),
    ),
    'azure-native:migrate:AksAssessmentOperation': (
        ('settings.azureLocation', 'azure-location'),
    ),
    'azure-native:migrate:Assessment': (
        ('properties.azureLocation', 'azure-location'),
    ),
    'azure-native:migrate:AssessmentProjectsOperation': (
        ('customerWorkspaceLocation', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:migrate:AssessmentsOperation': (
        ('azureLocation', 'azure-location'),
    ),
    'azure-native:migrate:AvsAssessmentsOperation': (
        ('azureLocation', 'azure-location'),
    ),
    'azure-native:migrate:AvsAssessmentsV2Operation': (
        ('properties.settings.azureLocation', 'azure-location'),
    ),
    'azure-native:migrate:BusinessCaseOperation': (
        ('settings.azureSettings.targetLocation', 'azure-location'),
    ),
    'azure-native:migrate:MachineAssessmentsV2Operation': (
        ('properties.settings.azureLocation', 'azure-location'),
    ),
    'azure-native:migrate:MigrateProject': (
        ('location', 'azure-location'),
    ),
    'azure-native:migrate:MigrateProjectsControllerMigrateProject': (
        ('location', 'azure-location'),
    ),
    'azure-native:migrate:MigrationEntity': (
        ('properties.partnerResourceArmId', 'remote'),
    ),
    'azure-native:migrate:ModernizeProject': (
        ('location', 'azure-location'),
    ),
    'azure-native:migrate:MoveCollection': (
        ('location', 'azure-location'),
        ('properties.moveRegion', 'azure-location'),
        ('properties.sourceRegion', 'azure-location'),
        ('properties.targetRegion', 'azure-location'),
    ),
    'azure-native:migrate:Project': (
        ('location', 'azure-location'),
        ('properties.customerWorkspaceLocation', 'azure-location'),
    ),
    'azure-native:migrate:SqlAssessmentV2Operation': (
        ('azureLocation', 'azure-location'),
        ('disasterRecoveryLocation', 'azure-location'),
    ),
    'azure-native:migrate:SqlAssessmentV3Operation': (
        ('properties.settings.azureLocation', 'azure-location'),
        ('properties.settings.disasterRecoveryLocation', 'azure-location'),
    ),
    'azure-native:migrate:WebAppAssessmentV2Operation': (
        ('azureLocation', 'azure-location'),
    ),
    'azure-native:migrate:WebAppAssessmentV3Operation': (
        ('properties.settings.azureLocation', 'azure-location'),
    ),
    'azure-native:migrate:WorkloadDeployment': (
        ('properties.customProperties.apacheTomcatAksWorkloadDeploymentProperties.monitoringProperties.region', 'azure-location'),
    ),
    'azure-native:mission:Community': (
        ('location', 'azure-location'),
    ),
    'azure-native:mission:CommunityEndpoint': (
        ('location', 'azure-location'),
    ),
    'azure-native:mission:DedicatedHub': (
        ('location', 'azure-location'),
    ),
    'azure-native:mission:EnclaveConnection': (
        ('location', 'azure-location'),
        ('sourceResourceId', 'remote'),
    ),
    'azure-native:mission:EnclaveEndpoint': (
        ('location', 'azure-location'),
    ),
    'azure-native:mission:TransitHub': (
        ('location', 'azure-location'),
    ),
    'azure-native:mission:VirtualEnclave': (
        ('location', 'azure-location'),
    ),
    'azure-native:mission:Workload': (
        ('location', 'azure-location'),
    ),
    'azure-native:mongocluster:MongoCluster': (
        ('location', 'azure-location'),
        ('properties.replicaParameters.sourceResourceId', 'remote'),
        ('properties.restoreParameters.sourceResourceId', 'remote'),
    ),
    'azure-native:monitor:ActionGroup': (
        ('itsmReceivers[].region', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:monitor:ActivityLogAlert': (
        ('location', 'azure-location'),
    ),
    'azure-native:monitor:AutoscaleSetting': (
        ('location', 'azure-location'),
        ('profiles[].rules[].metricTrigger.metricResourceLocation', 'azure-location'),
        ('targetResourceLocation', 'azure-location'),
    ),
    'azure-native:monitor:AzureMonitorWorkspace': (
        ('location', 'azure-location'),
    ),
    'azure-native:monitor:DataCollectionEndpoint': (
        ('location', 'azure-location'),
    ),
    'azure-native:monitor:DataCollectionRule': (
        ('destinations.eventHubsDirect[].eventHubResourceId', 'remote'),
        ('destinations.eventHubs[].eventHubResourceId', 'remote'),
        ('destinations.logAnalytics[].workspaceResourceId', 'remote'),
        ('destinations.monitoringAccounts[].accountResourceId', 'remote'),
        ('destinations.storageAccounts[].storageAccountResourceId', 'remote'),
        ('destinations.storageBlobsDirect[].storageAccountResourceId', 'remote'),
        ('destinations.storageTablesDirect[].storageAccountResourceId', 'remote'),
        ('location', 'azure-location'),
    ),
    'azure-native:monitor:HealthModel': (
        ('location', 'azure-location'),
    ),
    'azure-native:monitor:MetricAlert': (
        ('location', 'azure-location'),
        ('targetResourceRegion', 'azure-location'),
    ),
    'azure-native:monitor:PipelineGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:monitor:PrivateLinkScope': (
        ('location', 'azure-location'),
    ),
    'azure-native:monitor:PrivateLinkScopedResource': (
        ('linkedResourceId', 'remote'),
        ('subscriptionLocation', 'azure-location'),
    ),
    'azure-native:monitor:ScheduledQueryRule': (
        ('location', 'azure-location'),
    ),
    'azure-native:monitor:Sli': (
        ('properties.destinationAmwAccounts[].resourceId', 'remote'),
        ('properties.sliProperties.goodSignals.signalSources[].sourceAmwAccountResourceId', 'remote'),
        ('properties.sliProperties.signals.signalSources[].sourceAmwAccountResourceId', 'remote'),
        ('properties.sliProperties.totalSignals.signalSources[].sourceAmwAccountResourceId', 'remote'),
    ),
    'azure-native:monitor:TenantActionGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:mysqldiscovery:MySQLSite': (
        ('location', 'azure-location'),
    ),
    'azure-native:netapp:Account': (
        ('location', 'azure-location'),
    ),
    'azure-native:netapp:ActiveDirectoryConfig': (
        ('location', 'azure-location'),
    ),
    'azure-native:netapp:BackupPolicy': (
        ('location', 'azure-location'),
    ),
    'azure-native:netapp:BackupVault': (
        ('location', 'azure-location'),
    ),
    'azure-native:netapp:CapacityPool': (
        ('location', 'azure-location'),
    ),
    'azure-native:netapp:CapacityPoolBackup': (
        ('location', 'azure-location'),
    ),
    'azure-native:netapp:CapacityPoolCache': (
        ('location', 'azure-location'),
        ('properties.peeringSubnetResourceId', 'remote'),
    ),
    'azure-native:netapp:CapacityPoolSnapshot': (
        ('location', 'azure-location'),
    ),
    'azure-native:netapp:CapacityPoolVolume': (
        ('dataProtection.replication.remoteVolumeRegion', 'azure-location'),
        ('dataProtection.replication.remoteVolumeResourceId', 'remote'),
        ('location', 'azure-location'),
    ),
    'azure-native:netapp:CapacityPoolVolumeQuotaRule': (
        ('location', 'azure-location'),
    ),
    'azure-native:netapp:ElasticAccount': (
        ('location', 'azure-location'),
    ),
    'azure-native:netapp:ElasticBackupPolicy': (
        ('location', 'azure-location'),
    ),
    'azure-native:netapp:ElasticBackupVault': (
        ('location', 'azure-location'),
    ),
    'azure-native:netapp:ElasticCapacityPool': (
        ('location', 'azure-location'),
    ),
    'azure-native:netapp:ElasticSnapshotPolicy': (
        ('location', 'azure-location'),
    ),
    'azure-native:netapp:ElasticVolume': (
        ('location', 'azure-location'),
    ),
    'azure-native:netapp:SnapshotPolicy': (
        ('location', 'azure-location'),
    ),
    'azure-native:netapp:VolumeGroup': (
        ('location', 'azure-location'),
        ('volumes[].dataProtection.replication.remoteVolumeRegion', 'azure-location'),
        ('volumes[].dataProtection.replication.remoteVolumeResourceId', 'remote'),
    ),
    'azure-native:network:ApplicationGateway': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:ApplicationSecurityGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:AzureFirewall': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:BastionHost': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:Commit': (
        ('properties.targetLocations', 'azure-location'),
    ),
    'azure-native:network:ConnectionMonitor': (
        ('destination.resourceId', 'remote'),
        ('endpoints[].locationDetails.region', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:network:CustomIPPrefix': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:DdosCustomPolicy': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:DdosProtectionPlan': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:DscpConfiguration': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:ExpressRouteCircuit': (
        ('location', 'azure-location'),
        ('peerings[].connections[].expressRouteCircuitPeering.id', 'remote'),
        ('peerings[].connections[].id', 'remote'),
        ('peerings[].connections[].peerExpressRouteCircuitPeering.id', 'remote'),
        ('peerings[].id', 'remote'),
        ('peerings[].ipv6PeeringConfig.routeFilter.id', 'remote'),
        ('peerings[].routeFilter.id', 'remote'),
        ('serviceProviderProperties.peeringLocation', 'azure-location'),
    ),
    'azure-native:network:ExpressRouteCircuitConnection': (
        ('peerExpressRouteCircuitPeering.id', 'remote'),
    ),
    'azure-native:network:ExpressRouteCircuitPeering': (
        ('connections[].peerExpressRouteCircuitPeering.id', 'remote'),
    ),
    'azure-native:network:ExpressRouteGateway': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:ExpressRoutePort': (
        ('location', 'azure-location'),
        ('peeringLocation', 'azure-location'),
    ),
    'azure-native:network:FirewallPolicy': (
        ('insights.logAnalyticsResources.workspaces[].region', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:network:FirewallPolicyDraft': (
        ('insights.logAnalyticsResources.workspaces[].region', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:network:FlowLog': (
        ('flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration.workspaceRegion', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:network:HubVirtualNetworkConnection': (
        ('remoteVirtualNetwork.id', 'remote'),
    ),
    'azure-native:network:InterconnectGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:InterfaceEndpoint': (
        ('location', 'azure-location'),
        ('subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('subnet.networkSecurityGroup.location', 'azure-location'),
        ('subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('subnet.routeTable.location', 'azure-location'),
        ('subnet.serviceEndpointPolicies[].location', 'azure-location'),
        ('subnet.serviceEndpoints[].locations', 'azure-location'),
    ),
    'azure-native:network:IpAllocation': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:IpGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:IpamPool': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:LoadBalancer': (
        ('backendAddressPools[].location', 'azure-location'),
        ('frontendIPConfigurations[].publicIPAddress.location', 'azure-location'),
        ('frontendIPConfigurations[].publicIPAddress.natGateway.location', 'azure-location'),
        ('frontendIPConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('frontendIPConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('frontendIPConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('frontendIPConfigurations[].subnet.networkSecurityGroup.location', 'azure-location'),
        ('frontendIPConfigurations[].subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('frontendIPConfigurations[].subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('frontendIPConfigurations[].subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('frontendIPConfigurations[].subnet.routeTable.location', 'azure-location'),
        ('frontendIPConfigurations[].subnet.serviceEndpointPolicies[].location', 'azure-location'),
        ('frontendIPConfigurations[].subnet.serviceEndpoints[].locations', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:network:LoadBalancerBackendAddressPool': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:LocalNetworkGateway': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:NatGateway': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:NetworkInterface': (
        ('ipConfigurations[].applicationSecurityGroups[].location', 'azure-location'),
        ('ipConfigurations[].loadBalancerBackendAddressPools[].location', 'azure-location'),
        ('ipConfigurations[].publicIPAddress.location', 'azure-location'),
        ('ipConfigurations[].publicIPAddress.natGateway.location', 'azure-location'),
        ('ipConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('ipConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('ipConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('ipConfigurations[].subnet.networkSecurityGroup.location', 'azure-location'),
        ('ipConfigurations[].subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('ipConfigurations[].subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('ipConfigurations[].subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('ipConfigurations[].subnet.routeTable.location', 'azure-location'),
        ('ipConfigurations[].subnet.serviceEndpointPolicies[].location', 'azure-location'),
        ('ipConfigurations[].subnet.serviceEndpoints[].locations', 'azure-location'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.gatewayLoadBalancer.id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.ddosSettings.ddosProtectionPlan.id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.location', 'azure-location'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.natGateway.id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.natGateway.location', 'azure-location'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.natGateway.publicIpAddresses[].id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.natGateway.publicIpPrefixes[].id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.publicIPPrefix.id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.publicIPPrefix.id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.applicationGatewayIPConfigurations[].id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.applicationGatewayIPConfigurations[].subnet.id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.delegations[].id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.ipAllocations[].id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.ipamPoolPrefixAllocations[].id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.natGateway.id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.location', 'azure-location'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.securityRules[].id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.resourceNavigationLinks[].id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.routeTable.id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.routeTable.location', 'azure-location'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.routeTable.routes[].id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceAssociationLinks[].id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceEndpointPolicies[].id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceEndpointPolicies[].location', 'azure-location'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceEndpointPolicies[].serviceEndpointPolicyDefinitions[].id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceEndpoints[].locations', 'azure-location'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceEndpoints[].networkIdentifier.id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceGateway.id', 'remote'),
        ('ipConfigurations[].virtualNetworkTaps[].location', 'azure-location'),
        ('location', 'azure-location'),
        ('networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('networkSecurityGroup.location', 'azure-location'),
        ('networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('privateLinkService.ipConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('privateLinkService.ipConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('privateLinkService.ipConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('privateLinkService.ipConfigurations[].subnet.networkSecurityGroup.location', 'azure-location'),
        ('privateLinkService.ipConfigurations[].subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('privateLinkService.ipConfigurations[].subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('privateLinkService.ipConfigurations[].subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('privateLinkService.ipConfigurations[].subnet.routeTable.location', 'azure-location'),
        ('privateLinkService.ipConfigurations[].subnet.serviceEndpointPolicies[].location', 'azure-location'),
        ('privateLinkService.ipConfigurations[].subnet.serviceEndpoints[].locations', 'azure-location'),
        ('privateLinkService.loadBalancerFrontendIpConfigurations[].publicIPAddress.location', 'azure-location'),
        ('privateLinkService.loadBalancerFrontendIpConfigurations[].publicIPAddress.natGateway.location', 'azure-location'),
        ('privateLinkService.loadBalancerFrontendIpConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('privateLinkService.loadBalancerFrontendIpConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('privateLinkService.loadBalancerFrontendIpConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('privateLinkService.loadBalancerFrontendIpConfigurations[].subnet.networkSecurityGroup.location', 'azure-location'),
        ('privateLinkService.loadBalancerFrontendIpConfigurations[].subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('privateLinkService.loadBalancerFrontendIpConfigurations[].subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('privateLinkService.loadBalancerFrontendIpConfigurations[].subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('privateLinkService.loadBalancerFrontendIpConfigurations[].subnet.routeTable.location', 'azure-location'),
        ('privateLinkService.loadBalancerFrontendIpConfigurations[].subnet.serviceEndpointPolicies[].location', 'azure-location'),
        ('privateLinkService.loadBalancerFrontendIpConfigurations[].subnet.serviceEndpoints[].locations', 'azure-location'),
        ('privateLinkService.location', 'azure-location'),
    ),
    'azure-native:network:NetworkInterfaceTapConfiguration': (
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.gatewayLoadBalancer.id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.ddosSettings.ddosProtectionPlan.id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.location', 'azure-location'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.natGateway.id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.natGateway.location', 'azure-location'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.natGateway.publicIpAddresses[].id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.natGateway.publicIpPrefixes[].id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.publicIPPrefix.id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.publicIPPrefix.id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.applicationGatewayIPConfigurations[].id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.applicationGatewayIPConfigurations[].subnet.id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.delegations[].id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.ipAllocations[].id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.ipamPoolPrefixAllocations[].id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.natGateway.id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.location', 'azure-location'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.securityRules[].id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.resourceNavigationLinks[].id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.routeTable.id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.routeTable.location', 'azure-location'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.routeTable.routes[].id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceAssociationLinks[].id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceEndpointPolicies[].id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceEndpointPolicies[].location', 'azure-location'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceEndpointPolicies[].serviceEndpointPolicyDefinitions[].id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceEndpoints[].locations', 'azure-location'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceEndpoints[].networkIdentifier.id', 'remote'),
        ('virtualNetworkTap.destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceGateway.id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.applicationGatewayBackendAddressPools[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.applicationSecurityGroups[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.applicationSecurityGroups[].location', 'azure-location'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.gatewayLoadBalancer.id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.loadBalancerBackendAddressPools[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.loadBalancerBackendAddressPools[].loadBalancerBackendAddresses[].loadBalancerFrontendIPConfiguration.id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.loadBalancerBackendAddressPools[].loadBalancerBackendAddresses[].subnet.id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.loadBalancerBackendAddressPools[].loadBalancerBackendAddresses[].virtualNetwork.id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.loadBalancerBackendAddressPools[].location', 'azure-location'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.loadBalancerBackendAddressPools[].virtualNetwork.id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.loadBalancerInboundNatRules[].backendAddressPool.id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.loadBalancerInboundNatRules[].frontendIPConfiguration.id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.loadBalancerInboundNatRules[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.publicIPAddress.ddosSettings.ddosProtectionPlan.id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.publicIPAddress.id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.publicIPAddress.location', 'azure-location'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.publicIPAddress.natGateway.id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.publicIPAddress.natGateway.location', 'azure-location'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.publicIPAddress.natGateway.publicIpAddresses[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.publicIPAddress.natGateway.publicIpPrefixes[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.publicIPAddress.publicIPPrefix.id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.applicationGatewayIPConfigurations[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.applicationGatewayIPConfigurations[].subnet.id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.delegations[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.ipAllocations[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.ipamPoolPrefixAllocations[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.natGateway.id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.location', 'azure-location'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.securityRules[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.resourceNavigationLinks[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.routeTable.id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.routeTable.location', 'azure-location'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.routeTable.routes[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.serviceAssociationLinks[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.serviceEndpointPolicies[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.serviceEndpointPolicies[].location', 'azure-location'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.serviceEndpointPolicies[].serviceEndpointPolicyDefinitions[].id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.serviceEndpoints[].locations', 'azure-location'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.serviceEndpoints[].networkIdentifier.id', 'remote'),
        ('virtualNetworkTap.destinationNetworkInterfaceIPConfiguration.subnet.serviceGateway.id', 'remote'),
        ('virtualNetworkTap.location', 'azure-location'),
    ),
    'azure-native:network:NetworkManager': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:NetworkProfile': (
        ('containerNetworkInterfaceConfigurations[].ipConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('containerNetworkInterfaceConfigurations[].ipConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('containerNetworkInterfaceConfigurations[].ipConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('containerNetworkInterfaceConfigurations[].ipConfigurations[].subnet.networkSecurityGroup.location', 'azure-location'),
        ('containerNetworkInterfaceConfigurations[].ipConfigurations[].subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('containerNetworkInterfaceConfigurations[].ipConfigurations[].subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('containerNetworkInterfaceConfigurations[].ipConfigurations[].subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('containerNetworkInterfaceConfigurations[].ipConfigurations[].subnet.routeTable.location', 'azure-location'),
        ('containerNetworkInterfaceConfigurations[].ipConfigurations[].subnet.serviceEndpointPolicies[].location', 'azure-location'),
        ('containerNetworkInterfaceConfigurations[].ipConfigurations[].subnet.serviceEndpoints[].locations', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:network:NetworkSecurityGroup': (
        ('location', 'azure-location'),
        ('securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
    ),
    'azure-native:network:NetworkSecurityPerimeter': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:NetworkSecurityPerimeterAccessRule': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:NetworkSecurityPerimeterAssociation': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:NetworkSecurityPerimeterProfile': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:NetworkVirtualAppliance': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:NetworkWatcher': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:NspAccessRule': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:NspAssociation': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:NspProfile': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:P2sVpnGateway': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:PrivateEndpoint': (
        ('applicationSecurityGroups[].location', 'azure-location'),
        ('location', 'azure-location'),
        ('subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('subnet.networkSecurityGroup.location', 'azure-location'),
        ('subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('subnet.routeTable.location', 'azure-location'),
        ('subnet.serviceEndpointPolicies[].location', 'azure-location'),
        ('subnet.serviceEndpoints[].locations', 'azure-location'),
    ),
    'azure-native:network:PrivateLinkService': (
        ('ipConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('ipConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('ipConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('ipConfigurations[].subnet.networkSecurityGroup.location', 'azure-location'),
        ('ipConfigurations[].subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('ipConfigurations[].subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('ipConfigurations[].subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('ipConfigurations[].subnet.routeTable.location', 'azure-location'),
        ('ipConfigurations[].subnet.serviceEndpointPolicies[].location', 'azure-location'),
        ('ipConfigurations[].subnet.serviceEndpoints[].locations', 'azure-location'),
        ('loadBalancerFrontendIpConfigurations[].publicIPAddress.location', 'azure-location'),
        ('loadBalancerFrontendIpConfigurations[].publicIPAddress.natGateway.location', 'azure-location'),
        ('loadBalancerFrontendIpConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('loadBalancerFrontendIpConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('loadBalancerFrontendIpConfigurations[].subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('loadBalancerFrontendIpConfigurations[].subnet.networkSecurityGroup.location', 'azure-location'),
        ('loadBalancerFrontendIpConfigurations[].subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('loadBalancerFrontendIpConfigurations[].subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('loadBalancerFrontendIpConfigurations[].subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('loadBalancerFrontendIpConfigurations[].subnet.routeTable.location', 'azure-location'),
        ('loadBalancerFrontendIpConfigurations[].subnet.serviceEndpointPolicies[].location', 'azure-location'),
        ('loadBalancerFrontendIpConfigurations[].subnet.serviceEndpoints[].locations', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:network:PublicIPAddress': (
        ('linkedPublicIPAddress.ddosSettings.ddosProtectionPlan.id', 'remote'),
        ('linkedPublicIPAddress.id', 'remote'),
        ('linkedPublicIPAddress.location', 'azure-location'),
        ('linkedPublicIPAddress.natGateway.id', 'remote'),
        ('linkedPublicIPAddress.natGateway.location', 'azure-location'),
        ('linkedPublicIPAddress.natGateway.publicIpAddresses[].id', 'remote'),
        ('linkedPublicIPAddress.natGateway.publicIpPrefixes[].id', 'remote'),
        ('linkedPublicIPAddress.publicIPPrefix.id', 'remote'),
        ('location', 'azure-location'),
        ('natGateway.location', 'azure-location'),
        ('servicePublicIPAddress.location', 'azure-location'),
        ('servicePublicIPAddress.natGateway.location', 'azure-location'),
    ),
    'azure-native:network:PublicIPPrefix': (
        ('location', 'azure-location'),
        ('natGateway.location', 'azure-location'),
    ),
    'azure-native:network:ReachabilityAnalysisIntent': (
        ('properties.destinationResourceId', 'remote'),
        ('properties.sourceResourceId', 'remote'),
    ),
    'azure-native:network:RouteFilter': (
        ('location', 'azure-location'),
        ('rules[].location', 'azure-location'),
    ),
    'azure-native:network:RouteFilterRule': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:RouteTable': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:SecurityPartnerProvider': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:SecurityRule': (
        ('destinationApplicationSecurityGroups[].id', 'remote'),
        ('destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('sourceApplicationSecurityGroups[].location', 'azure-location'),
    ),
    'azure-native:network:ServiceEndpointPolicy': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:ServiceGateway': (
        ('location', 'azure-location'),
        ('routeTargetAddress.subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('routeTargetAddress.subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('routeTargetAddress.subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('routeTargetAddress.subnet.networkSecurityGroup.location', 'azure-location'),
        ('routeTargetAddress.subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('routeTargetAddress.subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('routeTargetAddress.subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('routeTargetAddress.subnet.routeTable.location', 'azure-location'),
        ('routeTargetAddress.subnet.serviceEndpointPolicies[].location', 'azure-location'),
        ('routeTargetAddress.subnet.serviceEndpoints[].locations', 'azure-location'),
        ('routeTargetAddressV6.subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('routeTargetAddressV6.subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('routeTargetAddressV6.subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('routeTargetAddressV6.subnet.networkSecurityGroup.location', 'azure-location'),
        ('routeTargetAddressV6.subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('routeTargetAddressV6.subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('routeTargetAddressV6.subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('routeTargetAddressV6.subnet.routeTable.location', 'azure-location'),
        ('routeTargetAddressV6.subnet.serviceEndpointPolicies[].location', 'azure-location'),
        ('routeTargetAddressV6.subnet.serviceEndpoints[].locations', 'azure-location'),
        ('virtualNetwork.location', 'azure-location'),
        ('virtualNetwork.subnets[].networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('virtualNetwork.subnets[].networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('virtualNetwork.subnets[].networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('virtualNetwork.subnets[].networkSecurityGroup.location', 'azure-location'),
        ('virtualNetwork.subnets[].networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('virtualNetwork.subnets[].networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('virtualNetwork.subnets[].networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('virtualNetwork.subnets[].routeTable.location', 'azure-location'),
        ('virtualNetwork.subnets[].serviceEndpointPolicies[].location', 'azure-location'),
        ('virtualNetwork.subnets[].serviceEndpoints[].locations', 'azure-location'),
        ('virtualNetwork.virtualNetworkPeerings[].remoteAddressSpace.ipamPoolPrefixAllocations[].id', 'remote'),
        ('virtualNetwork.virtualNetworkPeerings[].remoteVirtualNetwork.id', 'remote'),
        ('virtualNetwork.virtualNetworkPeerings[].remoteVirtualNetworkAddressSpace.ipamPoolPrefixAllocations[].id', 'remote'),
    ),
    'azure-native:network:Subnet': (
        ('networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('networkSecurityGroup.location', 'azure-location'),
        ('networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('routeTable.location', 'azure-location'),
        ('serviceEndpointPolicies[].location', 'azure-location'),
        ('serviceEndpoints[].locations', 'azure-location'),
    ),
    'azure-native:network:VerifierWorkspace': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:VirtualHub': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:VirtualHubIpConfiguration': (
        ('publicIPAddress.location', 'azure-location'),
        ('publicIPAddress.natGateway.location', 'azure-location'),
        ('subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('subnet.networkSecurityGroup.location', 'azure-location'),
        ('subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('subnet.routeTable.location', 'azure-location'),
        ('subnet.serviceEndpointPolicies[].location', 'azure-location'),
        ('subnet.serviceEndpoints[].locations', 'azure-location'),
    ),
    'azure-native:network:VirtualNetwork': (
        ('location', 'azure-location'),
        ('subnets[].networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('subnets[].networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('subnets[].networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('subnets[].networkSecurityGroup.location', 'azure-location'),
        ('subnets[].networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('subnets[].networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('subnets[].networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('subnets[].routeTable.location', 'azure-location'),
        ('subnets[].serviceEndpointPolicies[].location', 'azure-location'),
        ('subnets[].serviceEndpoints[].locations', 'azure-location'),
        ('virtualNetworkPeerings[].remoteAddressSpace.ipamPoolPrefixAllocations[].id', 'remote'),
        ('virtualNetworkPeerings[].remoteVirtualNetwork.id', 'remote'),
        ('virtualNetworkPeerings[].remoteVirtualNetworkAddressSpace.ipamPoolPrefixAllocations[].id', 'remote'),
    ),
    'azure-native:network:VirtualNetworkAppliance': (
        ('location', 'azure-location'),
        ('subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('subnet.networkSecurityGroup.location', 'azure-location'),
        ('subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('subnet.routeTable.location', 'azure-location'),
        ('subnet.serviceEndpointPolicies[].location', 'azure-location'),
        ('subnet.serviceEndpoints[].locations', 'azure-location'),
    ),
    'azure-native:network:VirtualNetworkGateway': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:VirtualNetworkGatewayConnection': (
        ('localNetworkGateway2.location', 'azure-location'),
        ('location', 'azure-location'),
        ('peer.id', 'remote'),
        ('virtualNetworkGateway1.location', 'azure-location'),
        ('virtualNetworkGateway2.location', 'azure-location'),
    ),
    'azure-native:network:VirtualNetworkPeering': (
        ('remoteAddressSpace.ipamPoolPrefixAllocations[].id', 'remote'),
        ('remoteVirtualNetwork.id', 'remote'),
        ('remoteVirtualNetworkAddressSpace.ipamPoolPrefixAllocations[].id', 'remote'),
    ),
    'azure-native:network:VirtualNetworkTap': (
        ('destinationLoadBalancerFrontEndIPConfiguration.gatewayLoadBalancer.id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.ddosSettings.ddosProtectionPlan.id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.location', 'azure-location'),
        ('destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.natGateway.id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.natGateway.location', 'azure-location'),
        ('destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.natGateway.publicIpAddresses[].id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.natGateway.publicIpPrefixes[].id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.publicIPPrefix.id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.publicIPPrefix.id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.applicationGatewayIPConfigurations[].id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.applicationGatewayIPConfigurations[].subnet.id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.delegations[].id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.ipAllocations[].id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.ipamPoolPrefixAllocations[].id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.natGateway.id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.location', 'azure-location'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.securityRules[].id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.resourceNavigationLinks[].id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.routeTable.id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.routeTable.location', 'azure-location'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.routeTable.routes[].id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceAssociationLinks[].id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceEndpointPolicies[].id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceEndpointPolicies[].location', 'azure-location'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceEndpointPolicies[].serviceEndpointPolicyDefinitions[].id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceEndpoints[].locations', 'azure-location'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceEndpoints[].networkIdentifier.id', 'remote'),
        ('destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceGateway.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.applicationGatewayBackendAddressPools[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.applicationSecurityGroups[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.applicationSecurityGroups[].location', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.gatewayLoadBalancer.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.loadBalancerBackendAddressPools[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.loadBalancerBackendAddressPools[].loadBalancerBackendAddresses[].loadBalancerFrontendIPConfiguration.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.loadBalancerBackendAddressPools[].loadBalancerBackendAddresses[].subnet.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.loadBalancerBackendAddressPools[].loadBalancerBackendAddresses[].virtualNetwork.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.loadBalancerBackendAddressPools[].location', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.loadBalancerBackendAddressPools[].virtualNetwork.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.loadBalancerInboundNatRules[].backendAddressPool.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.loadBalancerInboundNatRules[].frontendIPConfiguration.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.loadBalancerInboundNatRules[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.publicIPAddress.ddosSettings.ddosProtectionPlan.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.publicIPAddress.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.publicIPAddress.location', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.publicIPAddress.natGateway.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.publicIPAddress.natGateway.location', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.publicIPAddress.natGateway.publicIpAddresses[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.publicIPAddress.natGateway.publicIpPrefixes[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.publicIPAddress.publicIPPrefix.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.applicationGatewayIPConfigurations[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.applicationGatewayIPConfigurations[].subnet.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.delegations[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.ipAllocations[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.ipamPoolPrefixAllocations[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.natGateway.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.location', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.securityRules[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.resourceNavigationLinks[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.routeTable.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.routeTable.location', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.routeTable.routes[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.serviceAssociationLinks[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.serviceEndpointPolicies[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.serviceEndpointPolicies[].location', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.serviceEndpointPolicies[].serviceEndpointPolicyDefinitions[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.serviceEndpoints[].locations', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.serviceEndpoints[].networkIdentifier.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.subnet.serviceGateway.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.gatewayLoadBalancer.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.ddosSettings.ddosProtectionPlan.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.location', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.natGateway.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.natGateway.location', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.natGateway.publicIpAddresses[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.natGateway.publicIpPrefixes[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.publicIPAddress.publicIPPrefix.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.publicIPPrefix.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.applicationGatewayIPConfigurations[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.applicationGatewayIPConfigurations[].subnet.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.delegations[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.ipAllocations[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.ipamPoolPrefixAllocations[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.natGateway.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.defaultSecurityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.location', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.securityRules[].destinationApplicationSecurityGroups[].location', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.securityRules[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.networkSecurityGroup.securityRules[].sourceApplicationSecurityGroups[].location', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.resourceNavigationLinks[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.routeTable.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.routeTable.location', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.routeTable.routes[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceAssociationLinks[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceEndpointPolicies[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceEndpointPolicies[].location', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceEndpointPolicies[].serviceEndpointPolicyDefinitions[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceEndpoints[].locations', 'azure-location'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceEndpoints[].networkIdentifier.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].destinationLoadBalancerFrontEndIPConfiguration.subnet.serviceGateway.id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].id', 'remote'),
        ('destinationNetworkInterfaceIPConfiguration.virtualNetworkTaps[].location', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:network:VirtualRouter': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:VirtualWan': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:VpnConnection': (
        ('remoteVpnSite.id', 'remote'),
    ),
    'azure-native:network:VpnGateway': (
        ('connections[].remoteVpnSite.id', 'remote'),
        ('location', 'azure-location'),
    ),
    'azure-native:network:VpnServerConfiguration': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:VpnSite': (
        ('location', 'azure-location'),
    ),
    'azure-native:network:WebApplicationFirewallPolicy': (
        ('location', 'azure-location'),
    ),
    'azure-native:networkcloud:AccessBridge': (
        ('location', 'azure-location'),
    ),
    'azure-native:networkcloud:AgentPool': (
        ('location', 'azure-location'),
    ),
    'azure-native:networkcloud:BareMetalMachine': (
        ('location', 'azure-location'),
    ),
    'azure-native:networkcloud:BareMetalMachineKeySet': (
        ('location', 'azure-location'),
    ),
    'azure-native:networkcloud:BmcKeySet': (
        ('location', 'azure-location'),
    ),
    'azure-native:networkcloud:CloudServicesNetwork': (
        ('location', 'azure-location'),
    ),
    'azure-native:networkcloud:Cluster': (
        ('clusterLocation', 'azure-location'),
        ('location', 'azure-location'),
        ('managedResourceGroupConfiguration.location', 'azure-location'),
    ),
    'azure-native:networkcloud:ClusterManager': (
        ('location', 'azure-location'),
        ('managedResourceGroupConfiguration.location', 'azure-location'),
    ),
    'azure-native:networkcloud:Console': (
        ('location', 'azure-location'),
    ),
    'azure-native:networkcloud:KubernetesCluster': (
        ('location', 'azure-location'),
        ('managedResourceGroupConfiguration.location', 'azure-location'),
    ),
    'azure-native:networkcloud:KubernetesClusterFeature': (
        ('location', 'azure-location'),
    ),
    'azure-native:networkcloud:KubernetesVersion': (
        ('location', 'azure-location'),
    ),
    'azure-native:networkcloud:L2Network': (
        ('location', 'azure-location'),
    ),
    'azure-native:networkcloud:L3Network': (
        ('location', 'azure-location'),
    ),
    'azure-native:networkcloud:MetricsConfiguration': (
        ('location', 'azure-location'),
    ),
    'azure-native:networkcloud:Rack': (
        ('location', 'azure-location'),
    ),
    'azure-native:networkcloud:StorageAppliance': (
        ('location', 'azure-location'),
    ),
    'azure-native:networkcloud:TrunkedNetwork': (
        ('location', 'azure-location'),
    ),
    'azure-native:networkcloud:VirtualMachine': (
        ('location', 'azure-location'),
    ),
    'azure-native:networkcloud:Volume': (
        ('location', 'azure-location'),
    ),
    'azure-native:networkfunction:AzureTrafficCollector': (
        ('location', 'azure-location'),
    ),
    'azure-native:networkfunction:CollectorPolicy': (
        ('location', 'azure-location'),
    ),
    'azure-native:notificationhubs:Namespace': (
        ('location', 'azure-location'),
        ('replicationRegion', 'azure-location'),
    ),
    'azure-native:notificationhubs:NamespaceAuthorizationRule': (
        ('location', 'azure-location'),
    ),
    'azure-native:notificationhubs:NotificationHub': (
        ('location', 'azure-location'),
    ),
    'azure-native:notificationhubs:NotificationHubAuthorizationRule': (
        ('location', 'azure-location'),
    ),
    'azure-native:offazure:HyperVSite': (
        ('location', 'azure-location'),
    ),
    'azure-native:offazure:HypervSitesController': (
        ('location', 'azure-location'),
    ),
    'azure-native:offazure:ImportSitesController': (
        ('location', 'azure-location'),
    ),
    'azure-native:offazure:MasterSitesController': (
        ('location', 'azure-location'),
    ),
    'azure-native:offazure:ServerSitesController': (
        ('location', 'azure-location'),
    ),
    'azure-native:offazure:Site': (
        ('location', 'azure-location'),
    ),
    'azure-native:offazure:SitesController': (
        ('location', 'azure-location'),
    ),
    'azure-native:offazurespringboot:Springbootsite': (
        ('location', 'azure-location'),
    ),
    'azure-native:onlineexperimentation:OnlineExperimentationWorkspace': (
        ('location', 'azure-location'),
    ),
    'azure-native:openenergyplatform:EnergyService': (
        ('location', 'azure-location'),
    ),
    'azure-native:operationalinsights:Cluster': (
        ('location', 'azure-location'),
    ),
    'azure-native:operationalinsights:QueryPack': (
        ('location', 'azure-location'),
    ),
    'azure-native:operationalinsights:Workspace': (
        ('location', 'azure-location'),
    ),
    'azure-native:operationsmanagement:ManagementAssociation': (
        ('location', 'azure-location'),
    ),
    'azure-native:operationsmanagement:ManagementConfiguration': (
        ('location', 'azure-location'),
    ),
    'azure-native:operationsmanagement:Solution': (
        ('location', 'azure-location'),
    ),
    'azure-native:orbital:ContactProfile': (
        ('location', 'azure-location'),
    ),
    'azure-native:orbital:EdgeSite': (
        ('location', 'azure-location'),
    ),
    'azure-native:orbital:GeoCatalog': (
        ('location', 'azure-location'),
    ),
    'azure-native:orbital:GroundStation': (
        ('location', 'azure-location'),
    ),
    'azure-native:orbital:L2Connection': (
        ('location', 'azure-location'),
    ),
    'azure-native:orbital:Spacecraft': (
        ('location', 'azure-location'),
    ),
    'azure-native:peering:Peering': (
        ('direct.peerAsn.id', 'remote'),
        ('exchange.peerAsn.id', 'remote'),
        ('location', 'azure-location'),
        ('peeringLocation', 'azure-location'),
    ),
    'azure-native:peering:PeeringService': (
        ('location', 'azure-location'),
        ('peeringServiceLocation', 'azure-location'),
        ('providerBackupPeeringLocation', 'azure-location'),
        ('providerPrimaryPeeringLocation', 'azure-location'),
    ),
    'azure-native:policyinsights:RemediationAtManagementGroup': (
        ('filters.locations', 'azure-location'),
    ),
    'azure-native:policyinsights:RemediationAtResource': (
        ('filters.locations', 'azure-location'),
    ),
    'azure-native:policyinsights:RemediationAtResourceGroup': (
        ('filters.locations', 'azure-location'),
    ),
    'azure-native:policyinsights:RemediationAtSubscription': (
        ('filters.locations', 'azure-location'),
    ),
    'azure-native:portal:ConsoleWithLocation': (
        ('location', 'azure-location'),
    ),
    'azure-native:portal:Dashboard': (
        ('location', 'azure-location'),
    ),
    'azure-native:portal:UserSettings': (
        ('properties.preferredLocation', 'azure-location'),
    ),
    'azure-native:portal:UserSettingsWithLocation': (
        ('location', 'azure-location'),
        ('properties.preferredLocation', 'azure-location'),
    ),
    'azure-native:powerbi:PowerBIResource': (
        ('location', 'azure-location'),
    ),
    'azure-native:powerbi:WorkspaceCollection': (
        ('location', 'azure-location'),
    ),
    'azure-native:powerbidedicated:AutoScaleVCore': (
        ('location', 'azure-location'),
    ),
    'azure-native:powerbidedicated:CapacityDetails': (
        ('location', 'azure-location'),
    ),
    'azure-native:powerplatform:Account': (
        ('location', 'azure-location'),
    ),
    'azure-native:powerplatform:EnterprisePolicy': (
        ('location', 'azure-location'),
    ),
    'azure-native:privatedns:PrivateZone': (
        ('location', 'azure-location'),
    ),
    'azure-native:privatedns:VirtualNetworkLink': (
        ('location', 'azure-location'),
    ),
    'azure-native:professionalservice:ProfessionalServiceSubscriptionLevel': (
        ('location', 'azure-location'),
    ),
    'azure-native:programenrollment:EduEnrollment': (
        ('location', 'azure-location'),
    ),
    'azure-native:programmableconnectivity:Gateway': (
        ('location', 'azure-location'),
    ),
    'azure-native:programmableconnectivity:OperatorApiConnection': (
        ('location', 'azure-location'),
    ),
    'azure-native:providerhub:CustomRollout': (
        ('properties.specification.canary.regions', 'azure-location'),
        ('properties.specification.providerRegistration.properties.globalNotificationEndpoints[].locations', 'azure-location'),
        ('properties.specification.providerRegistration.properties.linkedNotificationRules[].endpoints[].locations', 'azure-location'),
        ('properties.specification.providerRegistration.properties.managementGroupGlobalNotificationEndpoints[].locations', 'azure-location'),
        ('properties.specification.resourceTypeRegistrations[].properties.endpoints[].locations', 'azure-location'),
        ('properties.specification.resourceTypeRegistrations[].properties.quotaRule.locationRules[].location', 'azure-location'),
        ('properties.status.completedRegions', 'azure-location'),
    ),
    'azure-native:providerhub:DefaultRollout': (
        ('properties.specification.canary.regions', 'azure-location'),
        ('properties.specification.canary.skipRegions', 'azure-location'),
        ('properties.specification.highTraffic.regions', 'azure-location'),
        ('properties.specification.lowTraffic.regions', 'azure-location'),
        ('properties.specification.mediumTraffic.regions', 'azure-location'),
        ('properties.specification.providerRegistration.properties.globalNotificationEndpoints[].locations', 'azure-location'),
        ('properties.specification.providerRegistration.properties.linkedNotificationRules[].endpoints[].locations', 'azure-location'),
        ('properties.specification.providerRegistration.properties.managementGroupGlobalNotificationEndpoints[].locations', 'azure-location'),
        ('properties.specification.resourceTypeRegistrations[].properties.endpoints[].locations', 'azure-location'),
        ('properties.specification.resourceTypeRegistrations[].properties.quotaRule.locationRules[].location', 'azure-location'),
        ('properties.specification.restOfTheWorldGroupOne.regions', 'azure-location'),
        ('properties.specification.restOfTheWorldGroupTwo.regions', 'azure-location'),
        ('properties.status.completedRegions', 'azure-location'),
        ('properties.status.nextTrafficRegion', 'azure-location'),
    ),
    'azure-native:providerhub:NotificationRegistration': (
        ('properties.notificationEndpoints[].locations', 'azure-location'),
    ),
    'azure-native:providerhub:ProviderMonitorSetting': (
        ('location', 'azure-location'),
    ),
    'azure-native:providerhub:ProviderRegistration': (
        ('properties.globalNotificationEndpoints[].locations', 'azure-location'),
        ('properties.linkedNotificationRules[].endpoints[].locations', 'azure-location'),
        ('properties.managementGroupGlobalNotificationEndpoints[].locations', 'azure-location'),
    ),
    'azure-native:providerhub:ResourceTypeRegistration': (
        ('properties.endpoints[].locations', 'azure-location'),
        ('properties.quotaRule.locationRules[].location', 'azure-location'),
    ),
    'azure-native:providerhub:Skus': (
        ('properties.skuSettings[].locationInfo[].extendedLocations', 'azure-location'),
        ('properties.skuSettings[].locationInfo[].location', 'azure-location'),
        ('properties.skuSettings[].locations', 'azure-location'),
    ),
    'azure-native:providerhub:SkusNestedResourceTypeFirst': (
        ('properties.skuSettings[].locationInfo[].extendedLocations', 'azure-location'),
        ('properties.skuSettings[].locationInfo[].location', 'azure-location'),
        ('properties.skuSettings[].locations', 'azure-location'),
    ),
    'azure-native:providerhub:SkusNestedResourceTypeSecond': (
        ('properties.skuSettings[].locationInfo[].extendedLocations', 'azure-location'),
        ('properties.skuSettings[].locationInfo[].location', 'azure-location'),
        ('properties.skuSettings[].locations', 'azure-location'),
    ),
    'azure-native:providerhub:SkusNestedResourceTypeThird': (
        ('properties.skuSettings[].locationInfo[].extendedLocations', 'azure-location'),
        ('properties.skuSettings[].locationInfo[].location', 'azure-location'),
        ('properties.skuSettings[].locations', 'azure-location'),
    ),
    'azure-native:purview:Account': (
        ('location', 'azure-location'),
    ),
    'azure-native:quantum:Workspace': (
        ('location', 'azure-location'),
    ),
    'azure-native:recommendationsservice:Account': (
        ('location', 'azure-location'),
    ),
    'azure-native:recommendationsservice:Modeling': (
        ('location', 'azure-location'),
    ),
    'azure-native:recommendationsservice:ServiceEndpoint': (
        ('location', 'azure-location'),
    ),
    'azure-native:recoveryservices:PrivateEndpointConnection': (
        ('location', 'azure-location'),
    ),
    'azure-native:recoveryservices:ProtectedItem': (
        ('location', 'azure-location'),
        ('properties.sourceResourceId', 'remote'),
    ),
    'azure-native:recoveryservices:ProtectionContainer': (
        ('location', 'azure-location'),
    ),
    'azure-native:recoveryservices:ProtectionIntent': (
        ('location', 'azure-location'),
        ('properties.sourceResourceId', 'remote'),
    ),
    'azure-native:recoveryservices:ProtectionPolicy': (
        ('location', 'azure-location'),
    ),
    'azure-native:recoveryservices:ReplicationFabric': (
        ('properties.customDetails.location', 'azure-location'),
    ),
    'azure-native:recoveryservices:ReplicationProtectionCluster': (
        ('properties.activeLocation', 'azure-location'),
        ('properties.providerSpecificDetails.initialPrimaryFabricLocation', 'azure-location'),
        ('properties.providerSpecificDetails.initialRecoveryFabricLocation', 'azure-location'),
        ('properties.providerSpecificDetails.primaryFabricLocation', 'azure-location'),
        ('properties.providerSpecificDetails.recoveryFabricLocation', 'azure-location'),
        ('properties.sharedDiskProperties.activeLocation', 'azure-location'),
        ('properties.sharedDiskProperties.sharedDiskProviderSpecificDetails.primaryFabricLocation', 'azure-location'),
        ('properties.sharedDiskProperties.sharedDiskProviderSpecificDetails.recoveryFabricLocation', 'azure-location'),
    ),
    'azure-native:recoveryservices:ReplicationRecoveryPlan': (
        ('properties.groups[].endGroupActions[].customDetails.fabricLocation', 'azure-location'),
        ('properties.groups[].replicationProtectedItems[].id', 'remote'),
        ('properties.groups[].startGroupActions[].customDetails.fabricLocation', 'azure-location'),
    ),
    'azure-native:recoveryservices:ResourceGuardProxy': (
        ('location', 'azure-location'),
    ),
    'azure-native:recoveryservices:Vault': (
        ('location', 'azure-location'),
    ),
    'azure-native:redhatopenshift:OpenShiftCluster': (
        ('location', 'azure-location'),
    ),
    'azure-native:redis:LinkedServer': (
        ('linkedRedisCacheLocation', 'azure-location'),
    ),
    'azure-native:redis:Redis': (
        ('location', 'azure-location'),
    ),
    'azure-native:redis:RedisLinkedServer': (
        ('linkedRedisCacheLocation', 'azure-location'),
    ),
    'azure-native:redisenterprise:Database': (
        ('geoReplication.linkedDatabases[].id', 'remote'),
    ),
    'azure-native:redisenterprise:RedisEnterprise': (
        ('location', 'azure-location'),
    ),
    'azure-native:relay:Namespace': (
        ('location', 'azure-location'),
    ),
    'azure-native:resourceconnector:Appliance': (
        ('location', 'azure-location'),
    ),
    'azure-native:resourcegraph:GraphQuery': (
        ('location', 'azure-location'),
    ),
    'azure-native:resources:AzureCliScript': (
        ('location', 'azure-location'),
    ),
    'azure-native:resources:AzurePowerShellScript': (
        ('location', 'azure-location'),
    ),
    'azure-native:resources:Deployment': (
        ('location', 'azure-location'),
    ),
    'azure-native:resources:DeploymentAtManagementGroupScope': (
        ('location', 'azure-location'),
    ),
    'azure-native:resources:DeploymentAtScope': (
        ('location', 'azure-location'),
    ),
    'azure-native:resources:DeploymentAtSubscriptionScope': (
        ('location', 'azure-location'),
    ),
    'azure-native:resources:DeploymentAtTenantScope': (
        ('location', 'azure-location'),
    ),
    'azure-native:resources:DeploymentStackAtManagementGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:resources:DeploymentStackAtResourceGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:resources:DeploymentStackAtSubscription': (
        ('location', 'azure-location'),
    ),
    'azure-native:resources:DeploymentStacksWhatIfResultsAtManagementGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:resources:DeploymentStacksWhatIfResultsAtResourceGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:resources:DeploymentStacksWhatIfResultsAtSubscription': (
        ('location', 'azure-location'),
    ),
    'azure-native:resources:Resource': (
        ('location', 'azure-location'),
    ),
    'azure-native:resources:ResourceGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:resources:TemplateSpec': (
        ('location', 'azure-location'),
    ),
    'azure-native:resources:TemplateSpecVersion': (
        ('location', 'azure-location'),
    ),
    'azure-native:saas:SaasSubscriptionLevel': (
        ('location', 'azure-location'),
    ),
    'azure-native:scheduler:JobCollection': (
        ('location', 'azure-location'),
    ),
    'azure-native:scom:Instance': (
        ('location', 'azure-location'),
    ),
    'azure-native:scvmm:AvailabilitySet': (
        ('location', 'azure-location'),
    ),
    'azure-native:scvmm:Cloud': (
        ('location', 'azure-location'),
    ),
    'azure-native:scvmm:MachineExtension': (
        ('location', 'azure-location'),
    ),
    'azure-native:scvmm:VirtualMachine': (
        ('location', 'azure-location'),
    ),
    'azure-native:scvmm:VirtualMachineTemplate': (
        ('location', 'azure-location'),
    ),
    'azure-native:scvmm:VirtualNetwork': (
        ('location', 'azure-location'),
    ),
    'azure-native:scvmm:VmmServer': (
        ('location', 'azure-location'),
    ),
    'azure-native:search:Service': (
        ('location', 'azure-location'),
    ),
    'azure-native:search:SharedPrivateLinkResource': (
        ('properties.resourceRegion', 'azure-location'),
    ),
    'azure-native:secretsynccontroller:AzureKeyVaultSecretProviderClass': (
        ('location', 'azure-location'),
    ),
    'azure-native:secretsynccontroller:SecretSync': (
        ('location', 'azure-location'),
    ),
    'azure-native:security:Assignment': (
        ('location', 'azure-location'),
    ),
    'azure-native:security:Automation': (
        ('location', 'azure-location'),
    ),
    'azure-native:security:IotSecuritySolution': (
        ('location', 'azure-location'),
    ),
    'azure-native:security:JitNetworkAccessPolicy': (
        ('ascLocation', 'azure-location'),
    ),
    'azure-native:security:PrivateLink': (
        ('location', 'azure-location'),
    ),
    'azure-native:security:SecurityConnector': (
        ('environmentData.regions', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:security:Standard': (
        ('location', 'azure-location'),
    ),
    'azure-native:securityandcompliance:PrivateLinkServicesForEDMUpload': (
        ('location', 'azure-location'),
    ),
    'azure-native:securityandcompliance:PrivateLinkServicesForM365ComplianceCenter': (
        ('location', 'azure-location'),
    ),
    'azure-native:securityandcompliance:PrivateLinkServicesForM365SecurityCenter': (
        ('location', 'azure-location'),
    ),
    'azure-native:securityandcompliance:PrivateLinkServicesForMIPPolicySync': (
        ('location', 'azure-location'),
    ),
    'azure-native:securityandcompliance:PrivateLinkServicesForO365ManagementActivityAPI': (
        ('location', 'azure-location'),
    ),
    'azure-native:securityandcompliance:PrivateLinkServicesForSCCPowershell': (
        ('location', 'azure-location'),
    ),
    'azure-native:servicebus:DisasterRecoveryConfig': (
        ('partnerNamespace', 'remote'),
    ),
    'azure-native:servicebus:Namespace': (
        ('geoDataReplication.locations[].locationName', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:servicefabric:ManagedCluster': (
        ('location', 'azure-location'),
        ('serviceEndpoints[].locations', 'azure-location'),
    ),
    'azure-native:servicefabric:ManagedClusterApplication': (
        ('location', 'azure-location'),
    ),
    'azure-native:servicefabric:ManagedClusterApplicationType': (
        ('location', 'azure-location'),
    ),
    'azure-native:servicefabric:ManagedClusterApplicationTypeVersion': (
        ('location', 'azure-location'),
    ),
    'azure-native:servicefabric:ManagedClusterService': (
        ('location', 'azure-location'),
    ),
    'azure-native:servicefabricmesh:Application': (
        ('location', 'azure-location'),
    ),
    'azure-native:servicefabricmesh:Gateway': (
        ('location', 'azure-location'),
    ),
    'azure-native:servicefabricmesh:Network': (
        ('location', 'azure-location'),
    ),
    'azure-native:servicefabricmesh:Secret': (
        ('location', 'azure-location'),
    ),
    'azure-native:servicefabricmesh:SecretValue': (
        ('location', 'azure-location'),
    ),
    'azure-native:servicefabricmesh:Volume': (
        ('location', 'azure-location'),
    ),
    'azure-native:servicelinker:Connector': (
        ('location', 'azure-location'),
    ),
    'azure-native:servicelinker:ConnectorDryrun': (
        ('location', 'azure-location'),
    ),
    'azure-native:servicenetworking:AssociationsInterface': (
        ('location', 'azure-location'),
    ),
    'azure-native:servicenetworking:FrontendsInterface': (
        ('location', 'azure-location'),
    ),
    'azure-native:servicenetworking:SecurityPoliciesInterface': (
        ('location', 'azure-location'),
    ),
    'azure-native:servicenetworking:TrafficControllerInterface': (
        ('location', 'azure-location'),
    ),
    'azure-native:signalrservice:SignalR': (
        ('location', 'azure-location'),
    ),
    'azure-native:signalrservice:SignalRReplica': (
        ('location', 'azure-location'),
    ),
    'azure-native:solutions:Application': (
        ('location', 'azure-location'),
    ),
    'azure-native:solutions:ApplicationDefinition': (
        ('location', 'azure-location'),
    ),
    'azure-native:solutions:JitRequest': (
        ('location', 'azure-location'),
    ),
    'azure-native:sovereign:LandingZoneAccountOperation': (
        ('location', 'azure-location'),
    ),
    'azure-native:sql:Database': (
        ('location', 'azure-location'),
        ('sourceDatabaseId', 'remote'),
        ('sourceResourceId', 'remote'),
    ),
    'azure-native:sql:DatabaseThreatDetectionPolicy': (
        ('location', 'azure-location'),
    ),
    'azure-native:sql:ElasticPool': (
        ('location', 'azure-location'),
    ),
    'azure-native:sql:FailoverGroup': (
        ('partnerServers[].id', 'remote'),
    ),
    'azure-native:sql:InstanceFailoverGroup': (
        ('locationName', 'azure-location'),
        ('partnerRegions[].location', 'azure-location'),
    ),
    'azure-native:sql:InstancePool': (
        ('location', 'azure-location'),
    ),
    'azure-native:sql:JobAgent': (
        ('location', 'azure-location'),
    ),
    'azure-native:sql:ManagedDatabase': (
        ('location', 'azure-location'),
        ('sourceDatabaseId', 'remote'),
    ),
    'azure-native:sql:ManagedInstance': (
        ('location', 'azure-location'),
        ('sourceManagedInstanceId', 'remote'),
    ),
    'azure-native:sql:Server': (
        ('location', 'azure-location'),
    ),
    'azure-native:sql:ServerTrustGroup': (
        ('locationName', 'azure-location'),
    ),
    'azure-native:sql:VirtualCluster': (
        ('location', 'azure-location'),
    ),
    'azure-native:sqlvirtualmachine:SqlVirtualMachine': (
        ('location', 'azure-location'),
    ),
    'azure-native:sqlvirtualmachine:SqlVirtualMachineGroup': (
        ('location', 'azure-location'),
    ),
    'azure-native:standbypool:StandbyContainerGroupPool': (
        ('location', 'azure-location'),
    ),
    'azure-native:standbypool:StandbyVirtualMachinePool': (
        ('location', 'azure-location'),
    ),
    'azure-native:storage:Connector': (
        ('location', 'azure-location'),
    ),
    'azure-native:storage:DataShare': (
        ('location', 'azure-location'),
    ),
    'azure-native:storage:ObjectReplicationPolicy': (
        ('destinationAccount', 'remote'),
    ),
    'azure-native:storage:StorageAccount': (
        ('location', 'azure-location'),
    ),
    'azure-native:storageactions:StorageTask': (
        ('location', 'azure-location'),
    ),
    'azure-native:storagecache:AmlFilesystem': (
        ('location', 'azure-location'),
    ),
    'azure-native:storagecache:AutoExportJob': (
        ('location', 'azure-location'),
    ),
    'azure-native:storagecache:AutoImportJob': (
        ('location', 'azure-location'),
    ),
    'azure-native:storagecache:Cache': (
        ('location', 'azure-location'),
    ),
    'azure-native:storagecache:ImportJob': (
        ('location', 'azure-location'),
    ),
    'azure-native:storagediscovery:StorageDiscoveryWorkspace': (
        ('location', 'azure-location'),
    ),
    'azure-native:storagemover:StorageMover': (
        ('location', 'azure-location'),
    ),
    'azure-native:storagepool:DiskPool': (
        ('location', 'azure-location'),
    ),
    'azure-native:storagesync:StorageSyncService': (
        ('location', 'azure-location'),
    ),
    'azure-native:streamanalytics:Cluster': (
        ('location', 'azure-location'),
    ),
    'azure-native:streamanalytics:StreamingJob': (
        ('location', 'azure-location'),
    ),
    'azure-native:synapse:BigDataPool': (
        ('location', 'azure-location'),
    ),
    'azure-native:synapse:EventGridDataConnection': (
        ('location', 'azure-location'),
    ),
    'azure-native:synapse:EventHubDataConnection': (
        ('location', 'azure-location'),
    ),
    'azure-native:synapse:IntegrationRuntime': (
        ('properties.computeProperties.location', 'azure-location'),
    ),
    'azure-native:synapse:IotHubDataConnection': (
        ('location', 'azure-location'),
    ),
    'azure-native:synapse:KustoPool': (
        ('location', 'azure-location'),
    ),
    'azure-native:synapse:KustoPoolAttachedDatabaseConfiguration': (
        ('location', 'azure-location'),
    ),
    'azure-native:synapse:PrivateLinkHub': (
        ('location', 'azure-location'),
    ),
    'azure-native:synapse:ReadOnlyFollowingDatabase': (
        ('location', 'azure-location'),
    ),
    'azure-native:synapse:ReadWriteDatabase': (
        ('location', 'azure-location'),
    ),
    'azure-native:synapse:SqlPool': (
        ('location', 'azure-location'),
        ('sourceDatabaseId', 'remote'),
    ),
    'azure-native:synapse:Workspace': (
        ('location', 'azure-location'),
    ),
    'azure-native:syntex:DocumentProcessor': (
        ('location', 'azure-location'),
    ),
    'azure-native:testbase:Package': (
        ('location', 'azure-location'),
    ),
    'azure-native:testbase:TestBaseAccount': (
        ('location', 'azure-location'),
        ('sku.locations', 'azure-location'),
    ),
    'azure-native:timeseriesinsights:EventHubEventSource': (
        ('location', 'azure-location'),
    ),
    'azure-native:timeseriesinsights:Gen1Environment': (
        ('location', 'azure-location'),
    ),
    'azure-native:timeseriesinsights:Gen2Environment': (
        ('location', 'azure-location'),
    ),
    'azure-native:timeseriesinsights:IoTHubEventSource': (
        ('location', 'azure-location'),
    ),
    'azure-native:timeseriesinsights:ReferenceDataSet': (
        ('location', 'azure-location'),
    ),
    'azure-native:trafficmanager:Endpoint': (
        ('endpointLocation', 'azure-location'),
    ),
    'azure-native:trafficmanager:Profile': (
        ('endpoints[].endpointLocation', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:verifiedid:Authority': (
        ('location', 'azure-location'),
    ),
    'azure-native:videoindexer:Account': (
        ('location', 'azure-location'),
    ),
    'azure-native:virtualmachineimages:VirtualMachineImageTemplate': (
        ('distribute[].location', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:vmwarecloudsimple:DedicatedCloudNode': (
        ('location', 'azure-location'),
    ),
    'azure-native:vmwarecloudsimple:DedicatedCloudService': (
        ('location', 'azure-location'),
    ),
    'azure-native:vmwarecloudsimple:VirtualMachine': (
        ('location', 'azure-location'),
    ),
    'azure-native:web:AiGateway': (
        ('location', 'azure-location'),
    ),
    'azure-native:web:AppServiceEnvironment': (
        ('location', 'azure-location'),
    ),
    'azure-native:web:AppServicePlan': (
        ('location', 'azure-location'),
        ('sku.locations', 'azure-location'),
    ),
    'azure-native:web:Certificate': (
        ('location', 'azure-location'),
    ),
    'azure-native:web:Connection': (
        ('location', 'azure-location'),
        ('properties.statuses[].error.location', 'azure-location'),
    ),
    'azure-native:web:ConnectionGateway': (
        ('location', 'azure-location'),
        ('properties.connectionGatewayInstallation.location', 'azure-location'),
    ),
    'azure-native:web:CustomApi': (
        ('location', 'azure-location'),
    ),
    'azure-native:web:KubeEnvironment': (
        ('location', 'azure-location'),
    ),
    'azure-native:web:SiteCertificate': (
        ('location', 'azure-location'),
    ),
    'azure-native:web:SiteCertificateSlot': (
        ('location', 'azure-location'),
    ),
    'azure-native:web:StaticSite': (
        ('location', 'azure-location'),
        ('sku.locations', 'azure-location'),
    ),
    'azure-native:web:StaticSiteBuildDatabaseConnection': (
        ('region', 'azure-location'),
    ),
    'azure-native:web:StaticSiteDatabaseConnection': (
        ('region', 'azure-location'),
    ),
    'azure-native:web:StaticSiteLinkedBackend': (
        ('region', 'azure-location'),
    ),
    'azure-native:web:StaticSiteLinkedBackendForBuild': (
        ('region', 'azure-location'),
    ),
    'azure-native:web:StaticSiteUserProvidedFunctionAppForStaticSite': (
        ('functionAppRegion', 'azure-location'),
    ),
    'azure-native:web:StaticSiteUserProvidedFunctionAppForStaticSiteBuild': (
        ('functionAppRegion', 'azure-location'),
    ),
    'azure-native:web:WebApp': (
        ('cloningInfo.sourceWebAppLocation', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:web:WebAppPremierAddOn': (
        ('location', 'azure-location'),
    ),
    'azure-native:web:WebAppPremierAddOnSlot': (
        ('location', 'azure-location'),
    ),
    'azure-native:web:WebAppSlot': (
        ('cloningInfo.sourceWebAppLocation', 'azure-location'),
        ('location', 'azure-location'),
    ),
    'azure-native:webpubsub:WebPubSub': (
        ('location', 'azure-location'),
    ),
    'azure-native:webpubsub:WebPubSubReplica': (
        ('location', 'azure-location'),
    ),
    'azure-native:weightsandbiases:Instance': (
        ('location', 'azure-location'),
        ('properties.partnerProperties.region', 'azure-location'),
    ),
    'azure-native:widget:Employee': (
        ('location', 'azure-location'),
    ),
    'azure-native:windowsesu:MultipleActivationKey': (
        ('location', 'azure-location'),
    ),
    'azure-native:windowsiot:Service': (
        ('location', 'azure-location'),
    ),
    'azure-native:workloads:ACSSBackupConnection': (
        ('location', 'azure-location'),
    ),
    'azure-native:workloads:Connector': (
        ('location', 'azure-location'),
        ('sourceResourceId', 'remote'),
    ),
    'azure-native:workloads:Monitor': (
        ('location', 'azure-location'),
    ),
    'azure-native:workloads:SapApplicationServerInstance': (
        ('location', 'azure-location'),
    ),
    'azure-native:workloads:SapCentralServerInstance': (
        ('location', 'azure-location'),
    ),
    'azure-native:workloads:SapDatabaseInstance': (
        ('location', 'azure-location'),
    ),
    'azure-native:workloads:SapDiscoverySite': (
        ('location', 'azure-location'),
    ),
    'azure-native:workloads:SapInstance': (
        ('location', 'azure-location'),
    ),
    'azure-native:workloads:SapVirtualInstance': (
        ('location', 'azure-location'),
    ),
    'pulumi:providers:aws': (
        ('assumeRoleWithWebIdentity.policyArns', 'reference'),
        ('assumeRoleWithWebIdentity.roleArn', 'reference'),
        ('assumeRoles[].policyArns', 'reference'),
        ('assumeRoles[].roleArn', 'reference'),
        ('region', 'aws-region'),
        ('stsRegion', 'aws-region'),
    ),
    'pulumi:providers:azure-native': (
        ('location', 'azure-location'),
    ),
}
